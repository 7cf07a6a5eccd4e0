import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';

/**
 * The whole demo run (the README's main job) on each built-in training backend: with no --backend
 * (ONNX Runtime, the default) and with --backend tfjs. Their times are measured outside tests
 * (README: ~2 min on ORT, ~4.5 min on tfjs, on 2 cores); the timeouts only stop a hung run.
 */
function demoRun(backendFlags: string[], backend: string): void {
  const dir = join(tempDir('pa-demo-'), 'demo');
  const result = runPa(['train', '--demo', ...backendFlags, '--out', dir, '--json'], { timeoutMs: 900_000 });
  expect(result.status, result.stderr).toBe(0);
  const summary = parseJson<{ steps: number; lastCheckpoint: string; firstStepsAccuracy: number; lastStepsAccuracy: number }>(result);
  expect(summary.steps).toBe(80);
  // The run trained on the backend it was meant to.
  expect((JSON.parse(readFileSync(join(dir, 'run', 'config.json'), 'utf8')) as { backend: string }).backend).toBe(backend);
  const rows = readFileSync(join(dir, 'run', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { accuracy: number; rewardByTemplate: Record<string, number> });
  expect(rows).toHaveLength(80);
  // The printed before/after, recomputed from metrics.jsonl, and the targets.
  const mean = (part: typeof rows) => part.reduce((sum, r) => sum + r.accuracy, 0) / part.length;
  expect(summary.firstStepsAccuracy).toBeCloseTo(mean(rows.slice(0, 5)), 12);
  expect(summary.lastStepsAccuracy).toBeCloseTo(mean(rows.slice(-5)), 12);
  expect(summary.firstStepsAccuracy).toBeLessThanOrEqual(0.2);
  expect(summary.lastStepsAccuracy).toBeGreaterThanOrEqual(0.6);
  // Every template of the set was trained on.
  expect(new Set(rows.flatMap((r) => Object.keys(r.rewardByTemplate))).size).toBe(13);
  for (const file of ['data/arithmetic.jsonl', 'base-model/config.json', 'base-model/tokenizer.json']) expect(existsSync(join(dir, file)), file).toBe(true);
  expect(existsSync(join(dir, 'base-model', 'trainer_state'))).toBe(false);

  const out = join(dir, 'eval');
  const evaluated = runPa(['eval', summary.lastCheckpoint, '--limit', '1', '--max-new-tokens', '4', '--out', out]);
  expect(evaluated.status, evaluated.stderr).toBe(0);
  expect(existsSync(join(out, 'results.json'))).toBe(true);
}

describe('pa train --demo', () => {
  it('on the default backend (ONNX Runtime): writes its own model and data, lifts accuracy from ≤ 0.2 (first 5 steps) to ≥ 0.6 (last 5) and leaves a checkpoint pa eval reads', () => {
    demoRun([], 'backend-ort');
  }, 960_000);

  it('--backend tfjs: the same targets on TensorFlow.js', () => {
    demoRun(['--backend', 'tfjs'], 'backend-tfjs');
  }, 960_000);
});
