/**
 * Invariants of the serving path, for every model variant and both graph flavours:
 * KV-cached decoding equals full recomputation, and a padded batch equals each sequence alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Policy } from '@prompt-aug/plugin-api';
import type { TinyModel } from '@prompt-aug/core/model';
import backend from '../src/index.js';
import { arrangeBatch } from '../src/policy/batch-layout.js';
import { decoderFor, leftPad, maxAbsDiff, rightPad } from './helpers/sessions.js';
import { VARIANTS, tinyModel } from './helpers/tiny.js';

const PROMPTS = [[5, 17, 42, 99, 3, 250], [7, 8], [120, 33, 64]];

describe.each(VARIANTS)('$name', ({ options }) => {
  let model: TinyModel;
  beforeAll(async () => {
    model = await tinyModel(options);
  });

  describe.each([false, true])('fused %s', (fused) => {
    let policy: Policy;
    beforeAll(async () => {
      policy = await backend.load({ modelDir: model.dir, fused, intraOpNumThreads: 1 });
    });
    afterAll(() => policy.dispose());

    test('KV-cached decode gives the logits of a full recompute', async () => {
      const decoder = await decoderFor(model, fused);
      const { inputIds, attentionMask } = leftPad(PROMPTS);
      const continuation = [[11, 12, 13, 14], [21, 22, 23, 24], [31, 32, 33, 34]];
      const vocab = model.config.vocabSize;
      const cache = decoder.newCache(PROMPTS.length, inputIds[0]!.length + 4);
      const arranged = arrangeBatch(inputIds, attentionMask, decoder.layout.padding, 0);
      await decoder.step({ ...arranged, keep: 1 }, cache);
      const mask = arranged.attentionMask;
      const full = await policy.forward({
        inputIds: inputIds.map((row, b) => [...row, ...continuation[b]!]),
        attentionMask: attentionMask.map((row) => [...row, 1, 1, 1, 1]),
      });
      const width = full.shape[1];
      for (let t = 0; t < 4; t++) {
        mask.forEach((row) => row.push(1));
        const step = await decoder.step(
          { inputIds: continuation.map((c) => [c[t]!]), attentionMask: mask, positionIds: arranged.lengths.map((n) => [n + t]), keep: 1 },
          cache,
        );
        for (let b = 0; b < PROMPTS.length; b++) {
          const column = width - 4 + t;
          const expected = full.logits.subarray((b * width + column) * vocab, (b * width + column + 1) * vocab);
          expect(maxAbsDiff(step.data.subarray(b * vocab, (b + 1) * vocab), expected)).toBeLessThan(1e-4);
        }
      }
      await decoder.dispose();
    });

    test('forward: a padded batch equals each sequence alone', async () => {
      const batch = await policy.forward(leftPad(PROMPTS));
      const [, width, vocab] = batch.shape;
      for (const [b, prompt] of PROMPTS.entries()) {
        const alone = await policy.forward({ inputIds: [prompt], attentionMask: [prompt.map(() => 1)] });
        const offset = width - prompt.length;
        const rows = batch.logits.subarray((b * width + offset) * vocab, (b + 1) * width * vocab);
        expect(maxAbsDiff(rows, alone.logits)).toBeLessThan(1e-4);
      }
    });

    test('generate (greedy): a padded batch gives each sequence\'s own tokens', async () => {
      const batch = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 8, eosTokenIds: [] });
      for (const [b, prompt] of PROMPTS.entries()) {
        const alone = await policy.generate({ inputIds: [prompt], attentionMask: [prompt.map(() => 1)], maxNewTokens: 8, eosTokenIds: [] });
        expect(batch.tokens[b]).toEqual(alone.tokens[0]);
      }
    });

    test('logprobs: a padded batch equals each sequence alone', async () => {
      const responses = [[9, 10, 11], [12], [13, 14]];
      const prompts = leftPad(PROMPTS);
      const padded = rightPad(responses);
      const batch = await policy.logprobs({ promptIds: prompts.inputIds, promptMask: prompts.attentionMask, responseIds: padded.ids, responseMask: padded.mask });
      for (const [b, prompt] of PROMPTS.entries()) {
        const alone = await policy.logprobs({ promptIds: [prompt], promptMask: [prompt.map(() => 1)], responseIds: [responses[b]!], responseMask: [responses[b]!.map(() => 1)] });
        expect(maxAbsDiff(batch.logprobs[b]!.slice(0, responses[b]!.length), alone.logprobs[0]!)).toBeLessThan(1e-4);
        expect(maxAbsDiff(batch.entropy[b]!.slice(0, responses[b]!.length), alone.entropy[0]!)).toBeLessThan(1e-4);
        expect(batch.logprobs[b]!.slice(responses[b]!.length).every((v) => v === 0)).toBe(true);
      }
    });
  });
});
