/**
 * backend-tfjs and backend-ort train step for step alike: the same checkpoint, batch and
 * configuration give the same loss, statistics and gradient norm on each of three steps, and
 * the same weights after them (compared through the logits and through saved checkpoints).
 */
import { join } from 'node:path';
import ortBackend from '@prompt-aug/backend-ort';
import tfjsBackend from '@prompt-aug/backend-tfjs';
import { type Policy, type TrainStepInput } from '@prompt-aug/plugin-api';
import { leftPad, rightPad } from '@prompt-aug/core/decoding';
import { readModelWeights, writeTinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/run-pa.js';

const CONFIGS = [
  { name: 'qwen2 GQA untied', options: { architecture: 'qwen2' as const, numKeyValueHeads: 2, tieWordEmbeddings: false } },
  { name: 'llama MHA tied', options: { architecture: 'llama' as const, numKeyValueHeads: 4, tieWordEmbeddings: true } },
];

describe.each(CONFIGS)('tfjs and ORT training agree ($name)', ({ options }) => {
  let tfjs: Policy;
  let ort: Policy;
  const dir = join(tempDir('pa-train-parity-'), 'model');
  beforeAll(async () => {
    await writeTinyModel(dir, { ...options, seed: 23, initStd: 0.1 });
    const config = { optimizer: { lr: 1e-3, weightDecay: 0.05, gradClip: 0.5 }, loss: { aggregation: 'seq-mean-token-mean' as const, klCoef: 0.05, entropyCoef: 0.01 } };
    tfjs = await tfjsBackend.load({ modelDir: dir, device: 'wasm', ...config });
    ort = await ortBackend.load({ modelDir: dir, ...config });
  });
  afterAll(async () => {
    await tfjs?.dispose();
    await ort?.dispose();
  });

  it('three steps: loss, clip fractions, KL, entropy and gradient norm match, and so do the weights', async () => {
    const prompts = leftPad([[5, 17, 42, 99, 7], [8, 250, 3], [61, 62], [70, 71, 72, 73]], 0);
    const responses = rightPad([[11, 12, 13, 14], [15], [16, 17], [18, 19, 20]], 0);
    const batch = { promptIds: prompts.ids, promptMask: prompts.mask, responseIds: responses.ids, responseMask: responses.mask, temperature: 0.9 };
    const scored = await ort.logprobs(batch);
    // Old log-probs displaced so the clip and the dual clip both act.
    const shift = [0.4, -0.5, 1.5, 0.05];
    const input: TrainStepInput = {
      ...batch,
      oldLogprobs: scored.logprobs.map((row, b) => row.map((lp, t) => (responses.mask[b]![t] ? lp - shift[(b + t) % 4]! : 0))),
      refLogprobs: scored.logprobs.map((row, b) => row.map((lp, t) => (responses.mask[b]![t] ? lp + 0.1 * t : 0))),
      advantages: [1.1, -0.8, -1.4, 0.3],
      microBatchSize: 3,
    };
    for (let step = 0; step < 3; step++) {
      const [a, b] = [await tfjs.trainStep!(input), await ort.trainStep!(input)];
      expect(b.applied).toBe(a.applied);
      // float32 on both sides, summed in different orders: agreement to ~1e-5 relative.
      const close = (field: 'loss' | 'gradNorm' | 'approxKl' | 'entropy') =>
        expect(Math.abs(b[field] - a[field]), `step ${step + 1} ${field}: tfjs ${a[field]}, ort ${b[field]}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(a[field])));
      for (const field of ['loss', 'gradNorm', 'approxKl', 'entropy'] as const) close(field);
      expect(b.clipFrac).toBe(a.clipFrac);
      expect(b.clipFracLower).toBe(a.clipFracLower);
    }
    const probe = { inputIds: prompts.ids, attentionMask: prompts.mask };
    const [x, y] = [await tfjs.forward(probe), await ort.forward(probe)];
    // Real positions only: a left-pad query sees no key, and the backends fill that row differently.
    const [B, T, V] = x.shape;
    let worst = 0;
    for (let i = 0; i < B * T * V; i++) if (prompts.mask[Math.floor(i / (T * V))]![Math.floor(i / V) % T]) worst = Math.max(worst, Math.abs(x.logits[i]! - y.logits[i]!));
    expect(worst).toBeLessThan(1e-4);
    const out = tempDir('pa-train-parity-out-');
    await tfjs.save!(join(out, 'tfjs'));
    await ort.save!(join(out, 'ort'));
    const [wa, wb] = [await readModelWeights(join(out, 'tfjs')), await readModelWeights(join(out, 'ort'))];
    expect([...wb.keys()].sort()).toEqual([...wa.keys()].sort());
    // Adam's m/√v turns float32 noise in a near-zero gradient into up to ~lr of movement, so a few
    // entries may differ by a fraction of lr; the typical entry agrees to float32 rounding.
    for (const [name, t] of wa) {
      let worstEntry = 0;
      let total = 0;
      for (let i = 0; i < t.data.length; i++) {
        const d = Math.abs(t.data[i]! - wb.get(name)!.data[i]!);
        worstEntry = Math.max(worstEntry, d);
        total += d;
      }
      expect(worstEntry, name).toBeLessThan(0.5e-3);
      expect(total / t.data.length, name).toBeLessThan(2e-6);
    }
  });
});
