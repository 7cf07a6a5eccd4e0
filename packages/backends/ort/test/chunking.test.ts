/** forward and logprobs split big batches into row chunks; the numbers must not change. */
import type { Policy } from '@prompt-aug/plugin-api';
import type { TinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { referenceForward, referenceLogprobs } from './helpers/reference.js';
import { leftPad, rightPad } from './helpers/sessions.js';
import { tinyModel } from './helpers/tiny.js';

const PROMPTS = [[5, 17, 42, 99], [7, 8], [120, 33, 64], [3]];
const RESPONSES = [[9, 10], [11, 12, 13], [14], [15, 16]];

describe.each([false, true])('one row per chunk (fused %s)', (fused) => {
  let model: TinyModel;
  let policy: Policy;
  beforeAll(async () => {
    model = await tinyModel({ seed: 9 });
    // A 1-byte budget forces one row per chunk.
    policy = await backend.load({ modelDir: model.dir, fused, logitsBudgetBytes: 1 });
  });
  afterAll(() => policy.dispose());

  test('forward matches the reference', async () => {
    const input = leftPad(PROMPTS);
    const ort = await policy.forward(input);
    const ref = referenceForward(model.config, model.weights, input.inputIds, input.attentionMask);
    const vocab = model.config.vocabSize;
    input.attentionMask.forEach((row, b) =>
      row.forEach((m, t) => {
        if (m !== 1) return;
        const at = (b * row.length + t) * vocab;
        for (let v = 0; v < vocab; v++) expect(Math.abs(ort.logits[at + v]! - ref.logits[at + v]!)).toBeLessThan(1e-4);
      }),
    );
  });

  test('logprobs match the reference', async () => {
    const prompts = leftPad(PROMPTS);
    const responses = rightPad(RESPONSES);
    const ort = await policy.logprobs({ promptIds: prompts.inputIds, promptMask: prompts.attentionMask, responseIds: responses.ids, responseMask: responses.mask });
    const ref = referenceLogprobs(model.config, model.weights, prompts.inputIds, prompts.attentionMask, responses.ids, responses.mask, 1);
    ref.logprobs.forEach((row, b) => row.forEach((v, j) => expect(Math.abs(ort.logprobs[b]![j]! - v)).toBeLessThan(1e-4)));
  });
});
