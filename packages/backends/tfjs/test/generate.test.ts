import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceForward } from '@prompt-aug/test-utils';
import { generate, type GenerationContext } from '../src/generate/generate.js';
import { outputProjection } from '../src/model/decoder.js';
import { createParameters } from '../src/model/parameters.js';
import { useWasm } from './helpers/engine.js';
import { leftPaddedBatch, randomWeights, tinyConfig } from './helpers/tiny-model.js';

beforeAll(useWasm);

const PAD = 0;
// A weight seed whose greedy paths have no near-ties (top-2 logit gap > 1e-3 at every step).
const SEED_LLAMA = 32;

function setup(options = {}, seed = 31) {
  const config = tinyConfig(options);
  const weights = randomWeights(config, seed, 0.3);
  const params = createParameters(config, weights, 'test');
  const model = { config, params };
  const ctx: GenerationContext = { model, projection: outputProjection(config, params), padTokenId: PAD, defaultEosTokenIds: [] };
  return { config, weights, ctx };
}

/** Greedy continuation by full float64 recomputation, one token at a time (no cache). */
function referenceGreedy(config: ReturnType<typeof tinyConfig>, weights: ReturnType<typeof randomWeights>, prompt: number[], n: number) {
  const ids = prompt.slice();
  const V = config.vocabSize;
  const out: number[] = [];
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const { logits } = referenceForward(config, weights, [ids], [ids.map(() => 1)]);
    const last = Array.from(logits.subarray((ids.length - 1) * V, ids.length * V));
    const sorted = last.slice().sort((a, b) => b - a);
    const best = last.indexOf(sorted[0]!);
    gaps.push(sorted[0]! - sorted[1]!);
    out.push(best);
    ids.push(best);
  }
  return { out, minGap: Math.min(...gaps) };
}

describe('KV-cache generation', () => {
  for (const [label, options, seed] of [
    ['qwen2 tied GQA', { architecture: 'qwen2', tieWordEmbeddings: true }, 31],
    ['llama untied MHA', { architecture: 'llama', tieWordEmbeddings: false, numKeyValueHeads: 4 }, SEED_LLAMA],
  ] as const) {
    it(`greedy on a left-padded batch equals full float64 recomputation (${label})`, async () => {
      const { config, weights, ctx } = setup(options, seed);
      const lengths = [5, 2, 4];
      const batch = leftPaddedBatch(lengths, config.vocabSize, 13);
      const result = await generate(ctx, { ...batch, maxNewTokens: 6, temperature: 0 });
      lengths.forEach((n, b) => {
        const prompt = batch.inputIds[b]!.slice(batch.inputIds[b]!.length - n);
        const ref = referenceGreedy(config, weights, prompt, 6);
        expect(ref.minGap).toBeGreaterThan(1e-3); // the comparison is meaningful: no near-ties
        expect(result.tokens[b]).toEqual(ref.out);
      });
      expect(result.finishReasons).toEqual(['length', 'length', 'length']);
      expect(result.lengths).toEqual([6, 6, 6]);
      for (const v of ctx.model.params.values()) v.dispose();
    });
  }

  it('an EOS row stops and is padded while the others go on unchanged', async () => {
    const { config, ctx } = setup();
    const batch = leftPaddedBatch([3, 5], config.vocabSize, 17);
    const free = await generate(ctx, { ...batch, maxNewTokens: 5, temperature: 0 });
    const eos = free.tokens[0]![1]!;
    const stopped = await generate(ctx, { ...batch, maxNewTokens: 5, temperature: 0, eosTokenIds: [eos] });
    expect(stopped.finishReasons[0]).toBe('eos');
    expect(stopped.lengths[0]).toBe(2);
    expect(stopped.tokens[0]).toEqual([free.tokens[0]![0], eos, PAD, PAD, PAD]);
    const firstEosInRow1 = free.tokens[1]!.indexOf(eos);
    if (firstEosInRow1 === -1) expect(stopped.tokens[1]).toEqual(free.tokens[1]);
    for (const v of ctx.model.params.values()) v.dispose();
  });

  it('seeded sampling is reproducible and the seed matters', async () => {
    const { config, ctx } = setup();
    const batch = leftPaddedBatch([4, 2], config.vocabSize, 19);
    const run = async (seed: number) => (await generate(ctx, { ...batch, maxNewTokens: 8, temperature: 1.5, topP: 0.95, topK: 50, seed })).tokens;
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
    for (const v of ctx.model.params.values()) v.dispose();
  });

  it('returnLogprobs gives each sampled token\'s log-prob and entropy at the temperature, as float64 recomputation does', async () => {
    const { config, weights, ctx } = setup();
    const V = config.vocabSize;
    const lengths = [4, 2];
    const batch = leftPaddedBatch(lengths, V, 23);
    const T = 1.5;
    const plain = await generate(ctx, { ...batch, maxNewTokens: 6, temperature: T, topK: 50, topP: 0.95, seed: 5 });
    // Stop row 0 early on one of its own tokens, so padded positions are covered too.
    const eos = plain.tokens[0]![2]!;
    const result = await generate(ctx, { ...batch, maxNewTokens: 6, temperature: T, topK: 50, topP: 0.95, seed: 5, eosTokenIds: [eos], returnLogprobs: true });
    lengths.forEach((n, b) => {
      const prompt = batch.inputIds[b]!.slice(batch.inputIds[b]!.length - n);
      const made = result.tokens[b]!.slice(0, result.lengths[b]);
      const ids = [...prompt, ...made];
      const { logits } = referenceForward(config, weights, [ids], [ids.map(() => 1)]);
      made.forEach((token, j) => {
        const z = Array.from(logits.subarray((n - 1 + j) * V, (n + j) * V), (x) => x / T);
        const max = Math.max(...z);
        const logZ = max + Math.log(z.reduce((s, x) => s + Math.exp(x - max), 0));
        const entropy = -z.reduce((s, x) => s + Math.exp(x - logZ) * (x - logZ), 0);
        expect(result.logprobs![b]![j]).toBeCloseTo(z[token]! - logZ, 4);
        expect(result.entropy![b]![j]).toBeCloseTo(entropy, 4);
      });
      expect(result.logprobs![b]!.slice(made.length).every((x) => x === 0)).toBe(true);
      expect(result.logprobs![b]).toHaveLength(6);
    });
    expect(result.lengths[0]).toBeLessThan(6);
    expect(plain.logprobs).toBeUndefined();
    for (const v of ctx.model.params.values()) v.dispose();
  });

  it('leaves no tensors behind', async () => {
    const { config, ctx } = setup();
    const batch = leftPaddedBatch([4, 2], config.vocabSize, 19);
    await generate(ctx, { ...batch, maxNewTokens: 2, temperature: 0 });
    const before = tf.memory().numTensors;
    await generate(ctx, { ...batch, maxNewTokens: 6, temperature: 1, seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    for (const v of ctx.model.params.values()) v.dispose();
  });
});
