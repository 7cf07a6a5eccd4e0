import { describe, expect, it } from 'vitest';
import { parseJson, runPa } from './helpers/run-pa.js';

describe('pa templates with the built-in sets', () => {
  it('lists the 13 diverse templates of the paper', () => {
    const out = parseJson<{ templates: Array<{ id: string }>; select: { mode: string } }>(runPa(['templates', 'list', '--plugin', 'templates-diverse', '--json']));
    expect(out.templates.map((t) => t.id).sort()).toEqual([
      'abel', 'simplerl', 'qwen-math', 'open-r1', 'open-r1-teacher', 'deepseek-r1', 'deepseek-r1-teacher',
      'formal', 'lm_eval_prompt1', 'lm_eval_prompt4', 'lm_eval_prompt8', 'reflective_prompt', 'reflective_prompt-teacher',
    ].sort());
    expect(out.templates).toHaveLength(13);
    expect(out.select.mode).toBe('per-prompt');
  });

  it('renders the eval prompt byte for byte (paper §4)', () => {
    const result = runPa(['templates', 'render', '--plugin', 'templates-qwen-math', '--problem', 'What is 2+3?']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      '<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n' +
        '<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n\n',
    );
  });

  it('renders a prefilled template with the prefill at the end', () => {
    const out = parseJson<{ prompts: Array<{ template: string; prompt: string }> }>(
      runPa(['templates', 'render', '--plugin', 'templates-diverse', '--template', 'open-r1-teacher', '--problem', 'Find x.', '--json']),
    );
    expect(out.prompts).toHaveLength(1);
    expect(out.prompts[0]!.prompt.endsWith('<|im_start|>user\nFind x.<|im_end|>\n<|im_start|>assistant\n<think>\n')).toBe(true);
  });

  it('names the available templates when the id is wrong', () => {
    const result = runPa(['templates', 'render', '--plugin', 'templates-diverse', '--template', 'nope', '--problem', 'x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Template "nope" is not in templates-diverse');
    expect(result.stderr).toContain('open-r1-teacher');
  });

  it('pa doctor reports the machine, packages and folders as JSON', () => {
    const env = { PA_CACHE_DIR: '/tmp/pa-doctor-cache', PA_PLUGINS_DIR: '/tmp/pa-doctor-plugins' };
    const report = parseJson<{ node: string; packages: Array<{ package: string }>; folders: { cache: string; userPlugins: string } }>(runPa(['doctor', '--json'], { env }));
    expect(report.node).toBe(process.version);
    expect(report.packages.map((p) => p.package)).toContain('@prompt-aug/templates-diverse');
    expect(report.folders).toEqual({ cache: '/tmp/pa-doctor-cache', userPlugins: '/tmp/pa-doctor-plugins' });
  });
});
