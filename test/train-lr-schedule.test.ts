import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPa } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

describe('pa train: learning-rate schedule', () => {
  it('logs the scheduled rate and the backend trains with it (a linear decay to 0 leaves the last step\'s weights unchanged)', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    // Linear decay over 3 steps after 1 warm-up step: 1e-3·(1/1), then 1, 1/2, 0 of 1e-3 (hand-computed).
    const result = runPa(smallRunFlags(setup, out, { 'max-steps': '4', 'save-every': '1', 'keep-last': '4', 'lr-schedule': 'linear', 'warmup-steps': '1' }));
    expect(result.status, result.stderr).toBe(0);
    const rows = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lr: number });
    expect(rows.map((r) => r.lr)).toEqual([1e-3, 1e-3, 5e-4, 0]);
    // At lr 0 AdamW moves nothing (its weight decay is scaled by lr too); at lr 5e-4 it did.
    const weights = (step: number) => readFileSync(join(out, 'checkpoints', `step-00000${step}`, 'model.safetensors'));
    expect(weights(4).equals(weights(3))).toBe(true);
    expect(weights(3).equals(weights(2))).toBe(false);
  }, 120_000);
});
