/**
 * Numbers against the independent float64 reference (test/reference/qwen2-reference.ts):
 * logits at every valid position, RL log-probs and entropy, and greedy tokens, for standard
 * and fused graphs, tied and untied heads, GQA and MHA, with q/k/v biases (Qwen2).
 */
import { type Policy } from '@prompt-aug/plugin-api';
import { f16ToF32, f32ToF16, type TinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { REFERENCE_VARIANTS, referenceForward, referenceLogprobs } from './helpers/reference.js';
import { leftPad, rightPad } from './helpers/sessions.js';
import { tinyModel } from './helpers/tiny.js';

const PROMPTS = [[5, 17, 42, 99, 3, 250, 31], [7, 8], [120, 33, 64, 1]];
const RESPONSES = [[9, 10, 11, 12], [13], [14, 15]];

/** Largest |ort - ref| over positions where the mask is 1. */
function maxValidDiff(ort: Float32Array, ref: Float64Array, mask: number[][], vocab: number): number {
  const width = mask[0]!.length;
  let worst = 0;
  mask.forEach((row, b) =>
    row.forEach((m, t) => {
      if (m !== 1) return;
      for (let v = 0; v < vocab; v++) worst = Math.max(worst, Math.abs(ort[(b * width + t) * vocab + v]! - ref[(b * width + t) * vocab + v]!));
    }),
  );
  return worst;
}

function argmax(values: ArrayLike<number>, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (values[i]! > values[best]!) best = i;
  return best - from;
}

describe.each(REFERENCE_VARIANTS)('$name', ({ options }) => {
  let model: TinyModel;
  beforeAll(async () => {
    model = await tinyModel(options);
  });

  describe.each([false, true])('fused %s', (fused) => {
    let policy: Policy;
    beforeAll(async () => {
      policy = await backend.load({ modelDir: model.dir, fused });
    });
    afterAll(() => policy.dispose());

    test('logits match the float64 reference within 1e-4 at every valid position', async () => {
      const input = leftPad(PROMPTS);
      const ort = await policy.forward(input);
      const ref = referenceForward(model.config, model.weights, input.inputIds, input.attentionMask);
      expect(ort.shape).toEqual(ref.shape);
      expect(maxValidDiff(ort.logits, ref.logits, input.attentionMask, model.config.vocabSize)).toBeLessThan(1e-4);
    });

    test('log-probs and entropy (temperature 0.7) match the reference within 1e-4', async () => {
      const prompts = leftPad(PROMPTS);
      const responses = rightPad(RESPONSES);
      const ort = await policy.logprobs({ promptIds: prompts.inputIds, promptMask: prompts.attentionMask, responseIds: responses.ids, responseMask: responses.mask, temperature: 0.7 });
      const ref = referenceLogprobs(model.config, model.weights, prompts.inputIds, prompts.attentionMask, responses.ids, responses.mask, 0.7);
      ref.logprobs.forEach((row, b) => row.forEach((v, j) => expect(Math.abs(ort.logprobs[b]![j]! - v)).toBeLessThan(1e-4)));
      ref.entropy.forEach((row, b) => row.forEach((v, j) => expect(Math.abs(ort.entropy[b]![j]! - v)).toBeLessThan(1e-4)));
    });

    test('greedy tokens are the reference argmax at every step', async () => {
      const input = leftPad(PROMPTS);
      const out = await policy.generate({ ...input, maxNewTokens: 6, eosTokenIds: [] });
      const vocab = model.config.vocabSize;
      for (const [b, prompt] of PROMPTS.entries()) {
        for (let t = 0; t < 6; t++) {
          const ids = [...prompt, ...out.tokens[b]!.slice(0, t)];
          const ref = referenceForward(model.config, model.weights, [ids], [ids.map(() => 1)]);
          const last = (ids.length - 1) * vocab;
          expect(out.tokens[b]![t]).toBe(argmax(ref.logits, last, last + vocab));
        }
      }
    });
  });

  test.each([false, true])('fp16 weight storage (fused %s) matches the reference on fp16-rounded weights', async (fused) => {
    const rounded = new Map([...model.weights].map(([name, t]) => [name, { shape: t.shape, data: f16ToF32(f32ToF16(t.data)) }]));
    const policy = await backend.load({ modelDir: model.dir, dtype: 'float16', fused });
    const input = leftPad(PROMPTS);
    const ort = await policy.forward(input);
    const ref = referenceForward(model.config, rounded, input.inputIds, input.attentionMask);
    expect(maxValidDiff(ort.logits, ref.logits, input.attentionMask, model.config.vocabSize)).toBeLessThan(1e-4);
    await policy.dispose();
  });
});
