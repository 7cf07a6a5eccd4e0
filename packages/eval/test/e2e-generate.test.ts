import { existsSync } from 'node:fs';
import { readFile, rm, truncate, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { renderPrompt } from '@prompt-aug/core';
import { BENCHMARKS } from '@prompt-aug/core/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBenchmarks, readSamples, runEval, type Benchmark, type EvalOutcome, type EvalPlugins } from '../src/index.js';
import { realPlugins, tempDir, tinyTokenizer } from './helpers/fixtures.js';
import { ScriptedPolicy } from './helpers/scripted-policy.js';
import { scriptedResponder } from './helpers/scripted-responses.js';

/** results.json minus what legitimately differs between two runs (times, resume counters). */
function comparable(outcome: EvalOutcome): unknown {
  const { timings: _timings, ...rest } = outcome.results;
  return rest;
}

describe('runEval end to end: five benchmarks, --limit 2, scripted test-double policy', () => {
  let plugins: EvalPlugins;
  let benchmarks: Benchmark[];
  let first: EvalOutcome;
  let outDir: string;

  beforeAll(async () => {
    plugins = await realPlugins();
    benchmarks = await loadBenchmarks({ limit: 2 });
    outDir = tempDir();
    const tokenizer = await tinyTokenizer();
    first = await runEval({
      policy: new ScriptedPolicy(tokenizer, scriptedResponder(benchmarks, plugins.template)),
      tokenizer, outDir, plugins, model: 'scripted', progress: false,
      benchmarks: { limit: 2 },
      generation: { batchSize: 3 },
    });
  });

  it('runs all five benchmarks with two questions each', () => {
    expect(Object.keys(first.results.benchmarks)).toEqual(BENCHMARKS.map((b) => b.name));
    for (const b of Object.values(first.results.benchmarks)) expect(b).toMatchObject({ questions: 2, samples: 2, correct: 1, accuracy: 50, std: 0 });
    expect(first.results.perBenchmarkAccuracy).toBe(50);
    expect(first.results.perQuestionAccuracy).toBe(50);
    expect(first.results.counts).toEqual({ benchmarks: 5, questions: 10, samples: 10, correct: 5 });
  });

  it('writes every file', async () => {
    for (const file of ['samples.jsonl', 'results.json', 'report.html', 'eval-config.json']) expect(existsSync(join(outDir, file)), file).toBe(true);
    const onDisk = JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8'));
    expect(onDisk.benchmarks.amc.accuracy).toBe(50);
    expect(onDisk).toMatchObject({ perBenchmarkAccuracy: 50, perQuestionAccuracy: 50, config: { mode: 'generate', limit: 2, grader: 'eval', template: 'qwen-math', generation: { maxNewTokens: 3000, temperature: 0, seed: 42 } } });
    expect(Object.keys(onDisk.versions)).toEqual(expect.arrayContaining(['@prompt-aug/eval', '@prompt-aug/core', 'verifier', 'template', 'backend', 'node']));
    expect(onDisk.timings.generatedSamples).toBe(10);
  });

  it('each sample line has the documented fields, the exact eval prompt and the decoded response', async () => {
    const { samples } = await readSamples(join(outDir, 'samples.jsonl'));
    expect(samples).toHaveLength(10);
    const amc0 = samples.find((s) => s.benchmark === 'amc' && s.id === 'amc-0')!;
    expect(Object.keys(amc0).sort()).toEqual(['benchmark', 'correct', 'extracted', 'finishReason', 'id', 'ms', 'prompt', 'reason', 'response', 'run', 'sample', 'tokens'].sort());
    const problem = benchmarks.find((b) => b.name === 'amc')!.records[0]!.problem;
    expect(amc0.prompt).toBe(`<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n<|im_start|>user\n${problem}<|im_end|>\n<|im_start|>assistant\n`);
    expect(amc0.prompt).toBe(renderPrompt(plugins.template, problem));
    expect(amc0).toMatchObject({ run: 0, sample: 0, correct: true, extracted: '142', finishReason: 'eos' });
    expect(amc0.response.endsWith('$\\boxed{142}$.')).toBe(true);
    expect(samples.find((s) => s.id === 'amc-1')).toMatchObject({ correct: false, extracted: '-98765' });
  });

  it('the terminal table shows every benchmark and both averages, under both graders', () => {
    // The scripted answers are plain integers in single boxes: both graders agree on them.
    for (const name of BENCHMARKS.map((b) => b.name)) expect(first.table).toMatch(new RegExp(`^${name}\\s+2\\s+2\\s+50\\.0\\s+0\\.0\\s+50\\.0$`, 'm'));
    expect(first.table).toMatch(/^per-benchmark mean\s+50\.0\s+50\.0$/m);
    expect(first.table).toMatch(/^per-question \(10\)\s+50\.0\s+50\.0$/m);
    expect(first.table).toContain('the two graders agree on every response');
  });

  it('resume after a kill mid-line generates only the missing samples and ends with the same results', async () => {
    const samplesPath = join(outDir, 'samples.jsonl');
    const text = await readFile(samplesPath, 'utf8');
    const lines = text.split('\n');
    const cut = lines.slice(0, 4).join('\n').length + 1 + Math.floor(lines[4]!.length / 2); // 4 whole lines, half of the 5th
    await truncate(samplesPath, cut);
    await rm(join(outDir, 'results.json'));
    await rm(join(outDir, 'report.html'));
    const tokenizer = await tinyTokenizer();
    const policy = new ScriptedPolicy(tokenizer, scriptedResponder(benchmarks, plugins.template));
    const resumed = await runEval({ policy, tokenizer, outDir, plugins, model: 'scripted', progress: false, resume: true, benchmarks: { limit: 2 }, generation: { batchSize: 3 } });
    expect(policy.prompts).toHaveLength(6);
    expect(resumed.results.timings).toMatchObject({ resumedSamples: 4, generatedSamples: 6 });
    expect(comparable(resumed)).toEqual(comparable(first));
    const reread = await readSamples(samplesPath);
    expect(reread.droppedTornLine).toBe(false);
    expect(reread.samples).toHaveLength(10);
    expect((await readFile(samplesPath, 'utf8')).split('\n').filter(Boolean)).toHaveLength(10);
    expect(existsSync(join(outDir, 'report.html'))).toBe(true);
  });

  it('resume with nothing missing generates nothing', async () => {
    const tokenizer = await tinyTokenizer();
    const policy = new ScriptedPolicy(tokenizer, scriptedResponder(benchmarks, plugins.template));
    const again = await runEval({ policy, tokenizer, outDir, plugins, model: 'scripted', progress: false, resume: true, benchmarks: { limit: 2 }, generation: { batchSize: 3 } });
    expect(policy.prompts).toHaveLength(0);
    expect(comparable(again)).toEqual(comparable(first));
  });

  it('refuses to overwrite earlier samples without --resume, and to resume with other settings', async () => {
    const tokenizer = await tinyTokenizer();
    const policy = new ScriptedPolicy(tokenizer, () => 'x');
    const base = { policy, tokenizer, outDir, plugins, model: 'scripted', progress: false, benchmarks: { limit: 2 } };
    await expect(runEval(base)).rejects.toMatchObject({ name: 'UserError', code: 'PA_EVAL_OUT_NOT_EMPTY' });
    // With or without --resume, samples made with other settings are refused by their fingerprint.
    for (const resume of [true, false]) {
      await expect(runEval({ ...base, resume, generation: { maxNewTokens: 100 } })).rejects.toMatchObject({ name: 'UserError', code: 'PA_EVAL_SAMPLES_FINGERPRINT_MISMATCH', message: expect.stringContaining('maxNewTokens 3000 → 100') });
    }
    expect((await stat(join(outDir, 'samples.jsonl'))).size).toBeGreaterThan(0);
  });

  it('more runs on resume: run 1 is generated, run 0 kept; per-run accuracies averaged', async () => {
    const tokenizer = await tinyTokenizer();
    const policy = new ScriptedPolicy(tokenizer, scriptedResponder(benchmarks, plugins.template));
    const twoRuns = await runEval({ policy, tokenizer, outDir, plugins, model: 'scripted', progress: false, resume: true, benchmarks: { limit: 2 }, generation: { batchSize: 3, runs: 2 } });
    expect(policy.prompts).toHaveLength(10);
    expect(twoRuns.results.benchmarks.aime24).toMatchObject({ runAccuracies: [50, 50], accuracy: 50, std: 0, samples: 4 });
  });
});
