import { readFileSync } from 'node:fs';
import { renderPrompt, validateTemplateSet } from '@prompt-aug/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const template = plugin.templates[0]!;

describe('templates-qwen-math', () => {
  it('is an API-1 templates plugin with one template, qwen-math, and its package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(plugin).toMatchObject({ kind: 'templates', name: 'templates-qwen-math', apiVersion: 1, version: pkg.version });
    expect(plugin.templates.map((t) => t.id)).toEqual(['qwen-math']);
    expect(template.answerFormat).toEqual({ boxed: true });
    expect(validateTemplateSet(plugin)).toEqual({ errors: [], warnings: [] });
  });

  it('renders the standard Qwen2.5-Math prompt byte for byte (paper §4)', () => {
    const problem = 'Convert the point $(0,3)$ in rectangular coordinates to polar coordinates.';
    expect(renderPrompt(template, problem)).toBe(
      '<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n' +
        '<|im_start|>user\nConvert the point $(0,3)$ in rectangular coordinates to polar coordinates.<|im_end|>\n' +
        '<|im_start|>assistant\n',
    );
  });

  it("replaces the dataset's system message and keeps the problem's trailing space", () => {
    const prompt = renderPrompt(template, [
      { role: 'system', content: 'You are a pirate.' },
      { role: 'user', content: 'What is 2+2? ' },
    ]);
    expect(prompt).toBe(
      '<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n' +
        '<|im_start|>user\nWhat is 2+2? <|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('gives a constant format reward of 1.0', () => {
    expect(template.formatReward('')).toBe(1);
    expect(template.formatReward('<think>\nno box at all')).toBe(1);
  });
});
