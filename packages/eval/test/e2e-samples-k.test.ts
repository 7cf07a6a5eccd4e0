import { renderPrompt } from '@prompt-aug/core';
import { describe, expect, it } from 'vitest';
import { loadBenchmarks, runEval } from '../src/index.js';
import { realPlugins, tempDir, tinyTokenizer } from './helpers/fixtures.js';
import { ScriptedPolicy } from './helpers/scripted-policy.js';

describe('runEval with k = 3 sampled generations per question', () => {
  it('reports avg@3, pass@3 and maj@3 as worked out by hand', async () => {
    const plugins = await realPlugins();
    const benchmarks = await loadBenchmarks({ names: ['aime24', 'amc'], limit: 2 });
    // The n-th request for a prompt is sample n (samples are generated in waves of one sample index).
    // Row 0: gold, -1, -1  -> 1/3 correct, majority "-1" wrong.   Row 1: -98765, gold, 7 -> 1/3, three-way tie -> sample 0 wrong.
    const script = new Map<string, string[]>();
    for (const b of benchmarks) {
      b.records.forEach((r, row) => {
        const gold = `\\boxed{${r.answers[0]}}`;
        script.set(renderPrompt(plugins.template, r.problem), row === 0 ? [gold, '\\boxed{-1}', '\\boxed{-1}'] : ['\\boxed{-98765}', gold, '\\boxed{7}']);
      });
    }
    const asked = new Map<string, number>();
    const tokenizer = await tinyTokenizer();
    const policy = new ScriptedPolicy(tokenizer, (prompt) => {
      const n = asked.get(prompt) ?? 0;
      asked.set(prompt, n + 1);
      return script.get(prompt)![n]!;
    });
    const { results, table } = await runEval({
      policy, tokenizer, outDir: tempDir(), plugins, benchmarks, progress: false,
      generation: { samples: 3, temperature: 0.6, topP: 0.95, batchSize: 8 },
    });
    for (const name of ['aime24', 'amc']) {
      const b = results.benchmarks[name]!;
      expect(b.accuracy).toBeCloseTo(100 / 3, 10);
      expect(b.passAtK).toBe(100); // n = 3, c = 1, k = 3
      expect(b.majAtK).toBe(0);
    }
    expect(results.passAtK).toEqual({ k: 3, perBenchmarkAccuracy: 100, perQuestionAccuracy: 100 });
    expect(results.majAtK).toEqual({ k: 3, perBenchmarkAccuracy: 0, perQuestionAccuracy: 0 });
    expect(new Set(policy.seeds).size).toBe(3); // one seed per sample index, all different
    expect(table).toContain('pass@3');
  });

  it('rejects k > 1 under greedy decoding with a UserError naming the flags', async () => {
    const tokenizer = await tinyTokenizer();
    await expect(runEval({ policy: new ScriptedPolicy(tokenizer, () => ''), tokenizer, outDir: tempDir(), plugins: await realPlugins(), benchmarks: [], generation: { samples: 4 } }))
      .rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('--temperature') });
  });
});
