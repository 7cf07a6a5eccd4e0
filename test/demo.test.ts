import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runPa, SHARED_DATA, tempDir } from './helpers/run-pa.js';

describe('pa train --demo', () => {
  it('writes its own model and data, trains, reports first/last accuracy and leaves a checkpoint pa eval reads', () => {
    const dir = join(tempDir('pa-demo-'), 'demo');
    // Two steps keep the test short; the full run's learning curve is what `pnpm pa train --demo` prints.
    const result = runPa(['train', '--demo', '--out', dir, '--max-steps', '2', '--json'], { timeoutMs: 300_000 });
    expect(result.status, result.stderr).toBe(0);
    const summary = parseJson<{ steps: number; lastCheckpoint: string; firstStepsAccuracy: number; lastStepsAccuracy: number }>(result);
    expect(summary.steps).toBe(2);
    for (const key of ['firstStepsAccuracy', 'lastStepsAccuracy'] as const) expect(summary[key]).toBeGreaterThanOrEqual(0);
    const rows = readFileSync(join(dir, 'run', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { accuracy: number; rewardByTemplate: Record<string, number> });
    expect(rows).toHaveLength(2);
    // The mean of the first (here: only) steps' accuracies, recomputed from metrics.jsonl.
    expect(summary.firstStepsAccuracy).toBeCloseTo((rows[0]!.accuracy + rows[1]!.accuracy) / 2, 12);
    for (const file of ['data/arithmetic.jsonl', 'base-model/config.json', 'base-model/tokenizer.json']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(existsSync(join(dir, 'base-model', 'trainer_state'))).toBe(false);

    const out = join(dir, 'eval');
    const evaluated = runPa(['eval', summary.lastCheckpoint, '--limit', '1', '--max-new-tokens', '4', '--data-dir', join(SHARED_DATA, 'benchmarks'), '--out', out]);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  }, 360_000);
});
