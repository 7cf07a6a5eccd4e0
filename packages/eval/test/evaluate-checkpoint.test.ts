import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BackendPlugin } from '@prompt-aug/plugin-api';
import { loadTokenizer, writeTinyModel } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { checkpointEvalHook, compareEvaluations, evaluateCheckpoint, evaluateMany, loadBenchmarks, type EvalPlugins, type Benchmark } from '../src/index.js';
import { realPlugins, tempDir } from './helpers/fixtures.js';
import { ScriptedPolicy } from './helpers/scripted-policy.js';
import { scriptedResponder } from './helpers/scripted-responses.js';

/** A backend plugin object whose policy is the scripted test double (real backends are other packages). */
function scriptedBackend(benchmarks: Benchmark[], plugins: EvalPlugins) {
  const loaded: string[] = [];
  let disposed = 0;
  const backend: BackendPlugin = {
    kind: 'backend', name: 'scripted', version: '0.0.0', apiVersion: 1,
    capabilities: { generate: true, score: false, train: false },
    devices: async () => [{ device: 'cpu', engine: 'script', available: true }],
    load: async ({ modelDir }) => {
      loaded.push(modelDir);
      const policy = new ScriptedPolicy(await loadTokenizer(modelDir), scriptedResponder(benchmarks, plugins.template));
      policy.dispose = () => void disposed++;
      return policy;
    },
  };
  return { backend, loaded, disposed: () => disposed };
}

describe('evaluateCheckpoint and the trainer hook', () => {
  it('evaluates a checkpoint folder into <checkpoint>/eval with a given live policy', async () => {
    const checkpointDir = tempDir('pa-ckpt-');
    await writeTinyModel(checkpointDir);
    const plugins = await realPlugins();
    const benchmarks = await loadBenchmarks({ names: ['math500', 'minerva'], limit: 2 });
    const tokenizer = await loadTokenizer(checkpointDir);
    const score = await evaluateCheckpoint({ checkpointDir, policy: new ScriptedPolicy(tokenizer, scriptedResponder(benchmarks, plugins.template)), benchmarks, plugins });
    expect(score).toMatchObject({ perBenchmarkAccuracy: 50, perQuestionAccuracy: 50, benchmarks: { math500: 50, minerva: 50 }, outDir: join(checkpointDir, 'eval') });
    expect(existsSync(join(checkpointDir, 'eval', 'results.json'))).toBe(true);
  });

  it('defaults to no resume, as the CLI flag does: a second evaluation of replaced weights is refused, not answered from the old samples', async () => {
    const checkpointDir = tempDir('pa-ckpt-');
    await writeTinyModel(checkpointDir, { seed: 1 });
    const plugins = await realPlugins();
    const benchmarks = await loadBenchmarks({ names: ['math500'], limit: 2 });
    const { backend } = scriptedBackend(benchmarks, plugins);
    await evaluateCheckpoint({ checkpointDir, backend, benchmarks, plugins });
    await expect(evaluateCheckpoint({ checkpointDir, backend, benchmarks, plugins })).rejects.toMatchObject({ name: 'UserError', code: 'PA_EVAL_OUT_NOT_EMPTY' });
    await writeTinyModel(checkpointDir, { seed: 2 });
    for (const resume of [undefined, true]) {
      await expect(evaluateCheckpoint({ checkpointDir, backend, benchmarks, plugins, ...(resume ? { resume } : {}) })).rejects.toMatchObject({
        name: 'UserError', code: 'PA_EVAL_SAMPLES_FINGERPRINT_MISMATCH', message: expect.stringContaining('model file model.safetensors changed'),
      });
    }
  });

  it('the hook loads a policy per checkpoint through the backend, disposes it, and returns flat metrics', async () => {
    const runDir = tempDir('pa-run-');
    const plugins = await realPlugins();
    const benchmarks = await loadBenchmarks({ names: ['aime24', 'amc'], limit: 2 });
    const { backend, loaded, disposed } = scriptedBackend(benchmarks, plugins);
    const hook = checkpointEvalHook({ backend, benchmarks, plugins });
    for (const step of [20, 40]) {
      const dir = join(runDir, 'checkpoints', `step-${String(step).padStart(6, '0')}`);
      await writeTinyModel(dir);
      expect(await hook(dir, step)).toEqual({ perBenchmarkAccuracy: 50, perQuestionAccuracy: 50, 'accuracy/aime24': 50, 'accuracy/amc': 50 });
    }
    expect(loaded).toHaveLength(2);
    expect(disposed()).toBe(2);
    const comparison = await compareEvaluations([runDir]);
    expect(comparison.evaluations.map((e) => e.step)).toEqual([20, 40]);
    expect(comparison.table).toMatch(/^step-000040\s+50\.0\s+50\.0\s+50\.0\s+50\.0$/m);
  });

  it('a folder with no evaluation is a UserError that says what to pass', async () => {
    await expect(compareEvaluations([tempDir()])).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('holds no evaluation') });
  });

  it('evaluateMany: a run folder and a loose checkpoint, one comparison in --out', async () => {
    const plugins = await realPlugins();
    const benchmarks = await loadBenchmarks({ names: ['amc'], limit: 2 });
    const runDir = tempDir('pa-run-');
    for (const step of [100, 50]) {
      const dir = join(runDir, 'checkpoints', `step-${String(step).padStart(6, '0')}`);
      await writeTinyModel(dir);
      await mkdir(join(dir, 'trainer_state'), { recursive: true });
      await writeFile(join(dir, 'trainer_state', 'state.json'), '{}');
    }
    await writeTinyModel(join(runDir, 'checkpoints', 'step-000150')); // unfinished: no trainer state, not evaluated
    const loose = join(tempDir(), 'final-model');
    await writeTinyModel(loose);
    const outDir = tempDir('pa-many-');
    const { backend, loaded } = scriptedBackend(benchmarks, plugins);
    const { scores, comparison } = await evaluateMany({ paths: [runDir, loose], outDir, backend, benchmarks, plugins });
    expect(loaded.map((d) => d.split('/').pop())).toEqual(['step-000050', 'step-000100', 'final-model']);
    expect(scores.map((s) => s.outDir)).toEqual([join(outDir, 'step-000050'), join(outDir, 'step-000100'), join(outDir, 'final-model')]);
    expect(comparison.evaluations.map((e) => e.label)).toEqual(['step-000050', 'step-000100', 'final-model']);
    expect(existsSync(join(outDir, 'comparison.html'))).toBe(true);
    await expect(evaluateMany({ paths: [tempDir()], backend, benchmarks, plugins })).rejects.toMatchObject({ name: 'UserError', code: 'PA_EVAL_NOT_A_CHECKPOINT' });
  });
});
