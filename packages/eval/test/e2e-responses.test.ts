import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCHMARKS } from '@prompt-aug/core/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBenchmarks, readSamples, scoreResponses, type Benchmark, type EvalOutcome } from '../src/index.js';
import { realPlugins, tempDir } from './helpers/fixtures.js';
import { scriptedResponse } from './helpers/scripted-responses.js';

describe('scoreResponses (--responses): generations made elsewhere, no model', () => {
  let benchmarks: Benchmark[];
  let outcome: EvalOutcome;
  let outDir: string;
  let file: string;

  beforeAll(async () => {
    benchmarks = await loadBenchmarks({ limit: 2 });
    const dir = tempDir();
    file = join(dir, 'responses.jsonl');
    // Every way a line may point at its question: record id, row number, exact text, re-wrapped text; and an alias name.
    const lines = benchmarks.flatMap((b) => b.records.map((r, row) => {
      const response = scriptedResponse(b.name, row, r.answers[0]!);
      const benchmark = b.name === 'aime24' ? 'aime' : b.name;
      if (b.name === 'amc') return { benchmark, id: row, response };
      if (b.name === 'minerva') return { benchmark, problem: r.problem, response };
      if (b.name === 'olympiadbench') return { benchmark, problem: `  ${r.problem.replace(/ /g, '\n ')} `, response };
      return { benchmark, id: r.id, response };
    }));
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    outDir = join(dir, 'out');
    outcome = await scoreResponses({ responsesFile: file, outDir, benchmarks: { limit: 2 }, plugins: await realPlugins() });
  });

  it('matches every line and grades like the generation path', () => {
    expect(Object.keys(outcome.results.benchmarks)).toEqual(BENCHMARKS.map((b) => b.name));
    for (const b of Object.values(outcome.results.benchmarks)) expect(b).toMatchObject({ questions: 2, samples: 2, correct: 1, accuracy: 50, meanTokens: null });
    expect(outcome.results).toMatchObject({ perBenchmarkAccuracy: 50, perQuestionAccuracy: 50, config: { mode: 'responses', samples: 1, runs: 1, generation: null } });
  });

  it('writes samples.jsonl, results.json and report.html', async () => {
    for (const f of ['samples.jsonl', 'results.json', 'report.html']) expect(existsSync(join(outDir, f)), f).toBe(true);
    const { samples } = await readSamples(join(outDir, 'samples.jsonl'));
    expect(samples).toHaveLength(10);
    expect(samples[0]).toMatchObject({ benchmark: 'aime24', id: 'aime24-0', correct: true, finishReason: 'external', tokens: null });
    expect(JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8')).benchmarks.minerva.accuracy).toBe(50);
  });

  it('numbers repeated responses of a question as samples 0..k-1 (k = 2: pass@2, maj@2)', async () => {
    const b = benchmarks[1]!; // amc
    const lines = b.records.flatMap((r) => [
      { benchmark: 'amc', id: r.id, response: `\\boxed{${r.answers[0]}}` },
      { benchmark: 'amc', id: r.id, response: '\\boxed{0}' },
    ]);
    const f = join(tempDir(), 'k2.jsonl');
    await writeFile(f, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { results } = await scoreResponses({ responsesFile: f, outDir: tempDir(), benchmarks: { limit: 2 }, plugins: await realPlugins() });
    expect(results.config.samples).toBe(2);
    // each question: 1 of 2 correct -> avg 50, pass@2 100, maj@2 tie -> sample 0 (gold) -> 100
    expect(results.benchmarks.amc).toMatchObject({ accuracy: 50, passAtK: 100, majAtK: 100 });
  });

  it('a line that matches no question is a UserError naming the file, line and fix', async () => {
    const f = join(tempDir(), 'bad.jsonl');
    await writeFile(f, `${JSON.stringify({ benchmark: 'amc', id: 'amc-0', response: 'x' })}\n${JSON.stringify({ benchmark: 'amc', problem: 'What is 1+1?', response: 'x' })}\n`);
    await expect(scoreResponses({ responsesFile: f, outDir: tempDir(), benchmarks: {}, plugins: await realPlugins() }))
      .rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/bad\.jsonl line 2: problem "What is 1\+1\?…" matches no question of benchmark amc/) });
  });

  it('malformed lines and duplicates are UserErrors', async () => {
    const f = join(tempDir(), 'broken.jsonl');
    await writeFile(f, '{"benchmark": "amc", "id": 0}\n');
    await expect(scoreResponses({ responsesFile: f, outDir: tempDir(), benchmarks: {} }))
      .rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('line 1: "response" is missing') });
    await writeFile(f, '{"benchmark": "amc", "id": 0, "response": "a", "sample": 0}\n{"benchmark": "amc", "id": "amc-0", "response": "b", "sample": 0}\n');
    await expect(scoreResponses({ responsesFile: f, outDir: tempDir(), benchmarks: {}, plugins: await realPlugins() }))
      .rejects.toMatchObject({ name: 'UserError', code: 'PA_EVAL_DUPLICATE_RESPONSE' });
  });

  it('AMC answers stored as floats grade like integers; Minerva rows with several answers accept any of them', async () => {
    const f = join(tempDir(), 'gold-shapes.jsonl');
    const lines = [
      { benchmark: 'amc', id: 'amc-0', response: 'So $\\boxed{142.0}$.' }, // gold 142 (142.0 in the source)
      { benchmark: 'amc', id: 'amc-1', response: 'So $\\boxed{144}$.' },
      { benchmark: 'minerva', id: 'minerva-10', response: '\\boxed{0.02}' }, // gold ["0.01\n", "0.02\n"]: the second
      { benchmark: 'minerva', id: 'minerva-17', response: '\\boxed{6630}' }, // gold ["6630.65\n", "6630\n"]
      { benchmark: 'minerva', id: 'minerva-38', response: '\\boxed{0.5}' }, // gold ["1 \times 10^{-3}", "10^{-3}\n"]: neither
    ];
    await writeFile(f, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { samples, results } = await scoreResponses({ responsesFile: f, outDir: tempDir(), benchmarks: {}, plugins: await realPlugins() });
    expect(samples.map((s) => [s.id, s.correct])).toEqual([['amc-0', true], ['amc-1', true], ['minerva-10', true], ['minerva-17', true], ['minerva-38', false]]);
    expect(results.benchmarks.minerva).toMatchObject({ questions: 3, correct: 2 });
    expect(results.warnings).toContain('amc: 81 of 83 questions have no response; accuracy is over the 2 answered.');
  });
});
