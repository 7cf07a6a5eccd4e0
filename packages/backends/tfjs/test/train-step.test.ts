import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_LOSS, type Policy } from '@prompt-aug/plugin-api';
import { readModelWeights, type NamedTensor } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { referenceLoss } from '@prompt-aug/test-utils';
import backend, { TfjsPolicy } from '../src/index.js';
import { rolloutBatch } from './helpers/rollouts.js';
import { tempDir, tinyFolder } from './helpers/tiny-folder.js';

let model: Awaited<ReturnType<typeof tinyFolder>>;
let out: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  model = await tinyFolder({ architecture: 'llama', tieWordEmbeddings: true, seed: 8 });
  out = await tempDir();
});
afterAll(async () => {
  await model.cleanup();
  await out.cleanup();
});

const optimizer = { lr: 0.01, weightDecay: 0.1, gradClip: 1e9 };

function referenceStepLoss(weights: Map<string, NamedTensor>, input: ReturnType<typeof rolloutBatch>) {
  const cur = referenceLogprobs(model.config, weights, input.promptIds, input.promptMask, input.responseIds, input.responseMask, input.temperature);
  return referenceLoss({ ...input, ...cur, mask: input.responseMask }, DEFAULT_LOSS).loss;
}

describe('trainStep', () => {
  it('one AdamW step moves each weight by lr·sign(gradient) after decoupled decay (gradient from float64 finite differences)', async () => {
    const policy = await backend.load({ modelDir: model.dir, device: 'wasm', optimizer });
    const input = rolloutBatch(model.config, model.weights);
    const stats = await policy.trainStep!({ ...input, microBatchSize: 3 });
    expect(stats.applied).toBe(true);
    expect(stats.loss).toBeCloseTo(referenceStepLoss(model.weights, input), 5);
    await policy.save!(out.dir);
    const after = await readModelWeights(out.dir);
    let checked = 0;
    for (const name of ['model.layers.0.self_attn.q_proj.weight', 'model.layers.1.mlp.down_proj.weight', 'model.norm.weight', 'model.layers.0.input_layernorm.weight']) {
      const t = model.weights.get(name)!;
      for (const index of [3, 17, 29]) {
        const shifted = (delta: number) => {
          const data = Float32Array.from(t.data);
          data[index] = t.data[index]! + delta;
          return { loss: referenceStepLoss(new Map(model.weights).set(name, { shape: t.shape, data }), input), at: data[index]! };
        };
        const [plus, minus] = [shifted(1e-3), shifted(-1e-3)];
        const g = (plus.loss - minus.loss) / (plus.at - minus.at);
        if (Math.abs(g) < 1e-3) continue; // the sign of a near-zero gradient is not robust in float32
        // Step 1 of Adam: m̂/√v̂ = g/|g|, so p₁ = p₀·(1 − lr·wd) − lr·sign(g).
        const expected = t.data[index]! * (1 - 0.01 * 0.1) - 0.01 * Math.sign(g);
        expect(after.get(name)!.data[index]).toBeCloseTo(expected, 5);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(6);
    await policy.dispose();
  });

  it('skips the update when the gradient is not finite', async () => {
    const policy = (await backend.load({ modelDir: model.dir, device: 'wasm', optimizer })) as TfjsPolicy;
    const input = rolloutBatch(model.config, model.weights);
    // An infinite advantage (e.g. a reward bug upstream) makes the gradient infinite.
    const poisoned = { ...input, advantages: [Number.POSITIVE_INFINITY, 0, 0, 0] };
    const before = await policy.forward({ inputIds: [[5, 6, 7]], attentionMask: [[1, 1, 1]] });
    const stats = await policy.trainStep(poisoned);
    expect(stats.applied).toBe(false);
    expect(Number.isFinite(stats.gradNorm)).toBe(false);
    expect(policy.optimizerStep).toBe(0);
    const after = await policy.forward({ inputIds: [[5, 6, 7]], attentionMask: [[1, 1, 1]] });
    expect(after.logits).toEqual(before.logits);
    policy.dispose();
  });
});

describe('checkpoints', () => {
  it('save → load → continue gives the same numbers as not stopping (optimizer state included)', async () => {
    const input = rolloutBatch(model.config, model.weights);
    const probe = { inputIds: [[9, 8, 7, 6]], attentionMask: [[1, 1, 1, 1]] };
    const a = (await backend.load({ modelDir: model.dir, device: 'wasm', optimizer: { lr: 0.003 } })) as TfjsPolicy;
    await a.trainStep(input);
    const dir = join(out.dir, 'resume');
    await a.save(dir);
    expect(existsSync(join(dir, 'trainer_state', 'optimizer.safetensors'))).toBe(true);
    expect(existsSync(join(dir, 'tokenizer.json'))).toBe(true);
    const second = await a.trainStep(input);
    const continued = await a.forward(probe);

    const b = (await backend.load({ modelDir: dir, device: 'wasm' })) as TfjsPolicy;
    expect(b.optimizerStep).toBe(1);
    const resumed = await b.trainStep(input); // lr 0.003 comes back from trainer_state
    expect(resumed.loss).toBeCloseTo(second.loss, 6);
    expect(resumed.gradNorm).toBeCloseTo(second.gradNorm, 5);
    const after = await b.forward(probe);
    let worst = 0;
    for (let i = 0; i < after.logits.length; i++) worst = Math.max(worst, Math.abs(after.logits[i]! - continued.logits[i]!));
    expect(worst).toBeLessThan(1e-5);
    a.dispose();
    b.dispose();
  });
});

describe('updateWeights', () => {
  it('syncs a second policy to a saved checkpoint, and KL without reference log-probs is refused', async () => {
    const input = rolloutBatch(model.config, model.weights);
    const trainer = (await backend.load({ modelDir: model.dir, device: 'wasm', optimizer: { lr: 0.01 } })) as TfjsPolicy;
    await trainer.trainStep(input);
    const dir = join(out.dir, 'synced');
    await trainer.save(dir);
    const rollout = (await backend.load({ modelDir: model.dir, device: 'wasm' })) as TfjsPolicy;
    const probe = { inputIds: [[4, 5, 6]], attentionMask: [[1, 1, 1]] };
    const stale = await rollout.forward(probe);
    await rollout.updateWeights(dir);
    const synced = await rollout.forward(probe);
    const trained = await trainer.forward(probe);
    expect(synced.logits).toEqual(trained.logits);
    expect(synced.logits).not.toEqual(stale.logits);
    trainer.configure({ loss: { klCoef: 0.1 } });
    await expect(trainer.trainStep({ ...input, refLogprobs: undefined })).rejects.toThrow(/refLogprobs/);
    trainer.dispose();
    rollout.dispose();
  });
});

describe('memory', () => {
  it('tf.memory().numTensors is flat over 100 train steps', async () => {
    const policy = (await backend.load({ modelDir: model.dir, device: 'wasm', optimizer: { lr: 1e-4 } })) as TfjsPolicy;
    const input = rolloutBatch(model.config, model.weights);
    await policy.trainStep({ ...input, microBatchSize: 2 }); // creates the AdamW moments
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      await policy.trainStep({ ...input, microBatchSize: 2 });
      expect(tf.memory().numTensors).toBe(baseline);
    }
    policy.dispose();
  });

  it('… and with checkpointed layers', async () => {
    const policy = (await backend.load({ modelDir: model.dir, device: 'wasm', optimizer: { lr: 1e-4 }, checkpointLayers: true })) as TfjsPolicy;
    const input = rolloutBatch(model.config, model.weights);
    await policy.trainStep({ ...input, microBatchSize: 2 });
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      await policy.trainStep({ ...input, microBatchSize: 2 });
      expect(tf.memory().numTensors).toBe(baseline);
    }
    policy.dispose();
  });
});
