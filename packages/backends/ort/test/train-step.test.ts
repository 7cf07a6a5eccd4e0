/**
 * OrtPolicy.trainStep end to end on a tiny checkpoint: AdamW updates of every parameter over
 * two steps against float64 finite differences of the reference loss and torch's update rule,
 * the non-finite skip, save → load → continue, and generation reading the trained weights.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOSS } from '@prompt-aug/plugin-api';
import { readModelWeights, type NamedTensor } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { referenceLoss } from '@prompt-aug/test-utils';
import backend, { type OrtPolicy } from '../src/index.js';
import { rolloutBatch } from './helpers/rollouts.js';
import { tempDir, tinyModel } from './helpers/tiny.js';

const load = async (modelDir: string, extra: Record<string, unknown> = {}) => (await backend.load({ modelDir, intraOpNumThreads: 1, ...extra })) as OrtPolicy;

describe('OrtPolicy.trainStep', () => {
  it('two AdamW steps move every parameter as torch.optim.AdamW would with float64 finite-difference gradients', async () => {
    const model = await tinyModel({ architecture: 'qwen2', tieWordEmbeddings: true, numKeyValueHeads: 2, seed: 8 });
    const input = rolloutBatch(model.config, model.weights);
    const stepLoss = (w: Map<string, NamedTensor>) => {
      const cur = referenceLogprobs(model.config, w, input.promptIds, input.promptMask, input.responseIds, input.responseMask, input.temperature);
      return referenceLoss({ ...input, ...cur, mask: input.responseMask }, DEFAULT_LOSS).loss;
    };
    const fdGradient = (w: Map<string, NamedTensor>, name: string, index: number) => {
      const t = w.get(name)!;
      const shifted = (delta: number) => {
        const data = Float32Array.from(t.data);
        data[index] = t.data[index]! + delta;
        return { loss: stepLoss(new Map(w).set(name, { shape: t.shape, data })), at: data[index]! };
      };
      const [plus, minus] = [shifted(1e-3), shifted(-1e-3)];
      return (plus.loss - minus.loss) / (plus.at - minus.at);
    };
    const [lr, wd, b1, b2, eps] = [0.01, 0.1, 0.9, 0.999, 1e-8];
    const policy = await load(model.dir, { optimizer: { lr, weightDecay: wd, gradClip: 1e9 } });
    const first = await policy.trainStep({ ...input, microBatchSize: 3 });
    expect(first.applied).toBe(true);
    expect(first.loss).toBeCloseTo(stepLoss(model.weights), 5);
    const dir1 = join(tempDir(), 'step1');
    await policy.save(dir1);
    const w1 = await readModelWeights(dir1);
    const second = await policy.trainStep({ ...input, microBatchSize: 2 });
    expect(second.loss).toBeCloseTo(stepLoss(w1), 5);
    const dir2 = join(tempDir(), 'step2');
    await policy.save(dir2);
    const w2 = await readModelWeights(dir2);
    let checked = 0;
    for (const [k, name] of [...model.weights.keys()].entries()) {
      const size = model.weights.get(name)!.data.length;
      const picks = name === 'model.embed_tokens.weight'
        ? [input.responseIds[0]![1]! * model.config.hiddenSize + 3, input.promptIds[0]![3]! * model.config.hiddenSize + 7]
        : [(k * 7) % size, (k * 13 + 5) % size];
      for (const i of picks) {
        const g0 = fdGradient(model.weights, name, i);
        const g1 = fdGradient(w1, name, i);
        if (Math.abs(g0) < 1e-3 || Math.abs(g1) < 1e-3) continue; // Adam's sign-like step is not robust near zero in float32
        const p0 = model.weights.get(name)!.data[i]!;
        // Step 1: m̂/√v̂ = g/|g|.
        expect(w1.get(name)!.data[i], `${name}[${i}] step 1`).toBeCloseTo(p0 * (1 - lr * wd) - lr * Math.sign(g0), 5);
        const m = b1 * (1 - b1) * g0 + (1 - b1) * g1;
        const v = b2 * (1 - b2) * g0 * g0 + (1 - b2) * g1 * g1;
        const p1 = w1.get(name)!.data[i]!;
        const expected = p1 * (1 - lr * wd) - (lr / (1 - b1 ** 2)) * (m / (Math.sqrt(v) / Math.sqrt(1 - b2 ** 2) + eps));
        expect(Math.abs(w2.get(name)!.data[i]! - expected), `${name}[${i}] step 2`).toBeLessThan(2e-4);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(model.weights.size); // most tensors, both entries
    expect(existsSync(join(dir2, 'trainer_state', 'optimizer.safetensors'))).toBe(true);
    await policy.dispose();
  });

  it('skips the update when the gradient is not finite', async () => {
    const model = await tinyModel({ seed: 9 });
    const policy = await load(model.dir, { optimizer: { lr: 0.01 } });
    const probe = { inputIds: [[5, 6, 7]], attentionMask: [[1, 1, 1]] };
    const before = await policy.forward(probe);
    const input = rolloutBatch(model.config, model.weights);
    const stats = await policy.trainStep({ ...input, advantages: [Number.POSITIVE_INFINITY, 0, 0, 0] });
    expect(stats.applied).toBe(false);
    expect(Number.isFinite(stats.gradNorm)).toBe(false);
    expect(policy.optimizerStep).toBe(0);
    const after = await policy.forward(probe);
    let worst = 0;
    for (let i = 0; i < after.logits.length; i++) worst = Math.max(worst, Math.abs(after.logits[i]! - before.logits[i]!));
    expect(worst).toBeLessThan(1e-5); // the weight-fed decoder runs unfused ops: equal up to float32 rounding
    await policy.dispose();
  });

  it('save → load → continue equals not stopping; generation and scoring read the trained weights', async () => {
    const model = await tinyModel({ architecture: 'llama', tieWordEmbeddings: false, seed: 10 });
    const input = rolloutBatch(model.config, model.weights);
    const probe = { inputIds: [[9, 8, 7, 6]], attentionMask: [[1, 1, 1, 1]] };
    const a = await load(model.dir, { optimizer: { lr: 0.003 } });
    const untrained = await a.forward(probe);
    await a.trainStep(input);
    const dir = join(tempDir(), 'resume');
    await a.save(dir);
    expect(existsSync(join(dir, 'tokenizer.json'))).toBe(true);
    const trained = await a.forward(probe);
    const fresh = await load(dir);
    const reloaded = await fresh.forward(probe);
    let worst = 0;
    let moved = 0;
    for (let i = 0; i < trained.logits.length; i++) {
      worst = Math.max(worst, Math.abs(trained.logits[i]! - reloaded.logits[i]!));
      moved = Math.max(moved, Math.abs(trained.logits[i]! - untrained.logits[i]!));
    }
    expect(worst).toBeLessThan(1e-5);
    expect(moved).toBeGreaterThan(1e-3);
    const gen = { ...probe, maxNewTokens: 6, temperature: 0, eosTokenIds: [] };
    expect((await a.generate(gen)).tokens).toEqual((await fresh.generate(gen)).tokens);

    const second = await a.trainStep(input);
    expect(fresh.optimizerStep).toBe(0); // moments load when training starts
    const resumed = await fresh.trainStep(input); // lr 0.003 comes back from trainer_state
    expect(fresh.optimizerStep).toBe(2);
    expect(resumed.loss).toBeCloseTo(second.loss, 6);
    expect(resumed.gradNorm).toBeCloseTo(second.gradNorm, 5);
    const [x, y] = [await a.forward(probe), await fresh.forward(probe)];
    worst = 0;
    for (let i = 0; i < x.logits.length; i++) worst = Math.max(worst, Math.abs(x.logits[i]! - y.logits[i]!));
    expect(worst).toBeLessThan(1e-5);
    a.configure({ loss: { klCoef: 0.1 } });
    await expect(a.trainStep({ ...input, refLogprobs: undefined })).rejects.toThrow(/refLogprobs/);
    await a.dispose();
    await fresh.dispose();
  });

  it('the checkpointLayers load option trains to the same numbers', async () => {
    const model = await tinyModel({ seed: 12, numHiddenLayers: 3 });
    const input = rolloutBatch(model.config, model.weights);
    const probe = { inputIds: [[3, 4, 5, 6]], attentionMask: [[1, 1, 1, 1]] };
    const [plain, checkpointed] = [await load(model.dir, { optimizer: { lr: 1e-3 } }), await load(model.dir, { optimizer: { lr: 1e-3 }, checkpointLayers: true })];
    for (let step = 0; step < 2; step++) {
      const [a, b] = [await plain.trainStep({ ...input, microBatchSize: 2 }), await checkpointed.trainStep({ ...input, microBatchSize: 2 })];
      expect(b.loss).toBeCloseTo(a.loss, 6);
      expect(b.gradNorm).toBeCloseTo(a.gradNorm, 5);
    }
    const [x, y] = [await plain.forward(probe), await checkpointed.forward(probe)];
    let worst = 0;
    for (let i = 0; i < x.logits.length; i++) worst = Math.max(worst, Math.abs(x.logits[i]! - y.logits[i]!));
    expect(worst).toBeLessThan(1e-4);
    await plain.dispose();
    await checkpointed.dispose();
  });

  it('a malformed batch is a UserError naming the field, before any work', async () => {
    const model = await tinyModel({ seed: 13 });
    const policy = await load(model.dir);
    const input = rolloutBatch(model.config, model.weights);
    const cases: [Partial<typeof input>, RegExp][] = [
      [{ advantages: [1, 2] }, /advantages has 2 entries for 4 sequences/],
      [{ oldLogprobs: input.oldLogprobs.slice(1) }, /oldLogprobs has 3 rows/],
      [{ responseIds: input.responseIds.map(() => []), responseMask: input.responseMask.map(() => []), oldLogprobs: input.oldLogprobs.map(() => []) }, /at least one response token/],
      [{ responseIds: input.responseIds.map((r) => r.map(() => model.config.vocabSize)) }, /not a token id of this model/],
      [{ promptMask: input.promptMask.map((r) => r.map(() => 0)) }, /no real token/],
      [{ microBatchSize: 0 }, /microBatchSize must be a whole number/],
    ];
    for (const [patch, message] of cases) await expect(policy.trainStep({ ...input, ...patch })).rejects.toThrow(message);
    expect(policy.optimizerStep).toBe(0);
    await policy.dispose();
  });
});
