import { readdirSync, readFileSync } from 'node:fs';
import { validateTemplateSet } from '@prompt-aug/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const packageDir = new URL('..', import.meta.url);

describe('templates-diverse plugin', () => {
  it('declares itself as an API-1 templates plugin with its package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as { version: string };
    expect(plugin.kind).toBe('templates');
    expect(plugin.name).toBe('templates-diverse');
    expect(plugin.apiVersion).toBe(1);
    expect(plugin.version).toBe(pkg.version);
    expect(plugin.select).toEqual({ mode: 'per-prompt' });
  });

  it("lists the paper's 13 templates in the paper's order", () => {
    expect(plugin.templates.map((t) => t.id)).toEqual([
      'abel', 'simplerl', 'qwen-math', 'open-r1', 'open-r1-teacher', 'deepseek-r1', 'deepseek-r1-teacher',
      'formal', 'lm_eval_prompt1', 'lm_eval_prompt4', 'lm_eval_prompt8', 'reflective_prompt', 'reflective_prompt-teacher',
    ]);
  });

  it('tells the verifier where each answer lives', () => {
    const tags = { boxed: true, enclosedBy: { open: '<answer>', close: '</answer>' } };
    const line = { boxed: true, introducedBy: 'The final answer is:' };
    const boxed = { boxed: true };
    expect(Object.fromEntries(plugin.templates.map((t) => [t.id, t.answerFormat]))).toEqual({
      abel: boxed, simplerl: boxed, 'qwen-math': boxed, formal: boxed, lm_eval_prompt8: boxed,
      'open-r1': tags, 'open-r1-teacher': tags, 'deepseek-r1': tags, 'deepseek-r1-teacher': tags,
      lm_eval_prompt1: line, lm_eval_prompt4: line,
      reflective_prompt: boxed, 'reflective_prompt-teacher': boxed,
    });
  });

  it('passes the template-set validation without errors or warnings', () => {
    expect(validateTemplateSet(plugin)).toEqual({ errors: [], warnings: [] });
  });

  it('imports nothing of prompt-aug at run time: types from @prompt-aug/plugin-api only', () => {
    const srcDir = new URL('src/', packageDir);
    for (const file of readdirSync(srcDir)) {
      const source = readFileSync(new URL(file, srcDir), 'utf8');
      for (const line of source.split('\n').filter((l) => l.includes("'@prompt-aug/"))) {
        expect(line, `${file}: ${line}`).toMatch(/^import type .* from '@prompt-aug\/plugin-api';$/);
      }
    }
  });
});
