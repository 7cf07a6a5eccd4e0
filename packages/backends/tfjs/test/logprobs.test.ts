import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { createParameters } from '../src/model/parameters.js';
import { chunkedResponseStats } from '../src/score/chunked-logprobs.js';
import { outputProjection } from '../src/model/decoder.js';
import { responseTokenStats } from '../src/score/response-logprobs.js';
import { maxAbsDiff, useWasm } from './helpers/engine.js';
import { leftPaddedBatch, randomWeights, tinyConfig } from './helpers/tiny-model.js';

beforeAll(useWasm);

describe('response log-probs and entropy match the float64 reference', () => {
  const config = tinyConfig({ architecture: 'qwen2', numKeyValueHeads: 2 });
  const weights = randomWeights(config, 21, 0.3);
  const prompts = leftPaddedBatch([5, 2, 3], config.vocabSize, 4);
  const responses = leftPaddedBatch([4, 4, 4], config.vocabSize, 9);
  const responseMask = [
    [1, 1, 1, 1],
    [1, 1, 0, 0],
    [1, 0, 0, 0],
  ];
  const batch = { promptIds: prompts.inputIds, promptMask: prompts.attentionMask, responseIds: responses.inputIds, responseMask };

  for (const temperature of [1, 0.6]) {
    it(`at temperature ${temperature}`, () => {
      const params = createParameters(config, weights, 'test');
      const got = tf.tidy(() => {
        const s = responseTokenStats({ config, params }, batch, temperature);
        return { lp: s.logprobs.dataSync(), en: s.entropy.dataSync() };
      });
      const ref = referenceLogprobs(config, weights, batch.promptIds, batch.promptMask, batch.responseIds, responseMask, temperature);
      expect(maxAbsDiff(got.lp, ref.logprobs.flat())).toBeLessThan(1e-4);
      expect(maxAbsDiff(got.en, ref.entropy.flat())).toBeLessThan(1e-4);
      // Padded response positions are exactly zero.
      expect(got.lp[1 * 4 + 2] === 0).toBe(true);
      expect(got.en[2 * 4 + 3] === 0).toBe(true);
      for (const v of params.values()) v.dispose();
    });
  }

  it('in chunks of rows and positions (a logits budget of 3 positions) gives the same numbers', () => {
    const params = createParameters(config, weights, 'test');
    const model = { config, params };
    const projection = outputProjection(config, params);
    const chunked = chunkedResponseStats(model, batch, 0.6, projection, 3 * config.vocabSize);
    const ref = referenceLogprobs(config, weights, batch.promptIds, batch.promptMask, batch.responseIds, responseMask, 0.6);
    expect(maxAbsDiff(chunked.logprobs, ref.logprobs.flat())).toBeLessThan(1e-4);
    expect(maxAbsDiff(chunked.entropy, ref.entropy.flat())).toBeLessThan(1e-4);
    tf.dispose([projection, ...params.values()]);
  });
});
