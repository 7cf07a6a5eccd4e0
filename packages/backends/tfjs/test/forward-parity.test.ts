import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceForward } from '@prompt-aug/test-utils';
import { forwardLogits } from '../src/model/forward.js';
import { createParameters } from '../src/model/parameters.js';
import { leftPaddedBatch, randomWeights, tinyConfig, type TinyOptions } from './helpers/tiny-model.js';
import { maxAbsDiff, useWasm } from './helpers/engine.js';

beforeAll(useWasm);

const variants: Array<[string, TinyOptions]> = [
  ['qwen2 tied GQA with q/k/v bias', { architecture: 'qwen2', tieWordEmbeddings: true, numKeyValueHeads: 2 }],
  ['qwen2 untied MHA', { architecture: 'qwen2', tieWordEmbeddings: false, numKeyValueHeads: 4 }],
  ['llama untied GQA without bias', { architecture: 'llama', tieWordEmbeddings: false, numKeyValueHeads: 1, ropeTheta: 500000 }],
  ['llama tied MHA', { architecture: 'llama', tieWordEmbeddings: true, numKeyValueHeads: 4 }],
  ['llama with attention_bias (q/k/v/o biases)', { architecture: 'llama', attentionBias: true, numKeyValueHeads: 2 }],
];

describe('forward matches the float64 reference on wasm', () => {
  for (const [label, options] of variants) {
    it(label, () => {
      const config = tinyConfig(options);
      const weights = randomWeights(config, 3);
      const params = createParameters(config, weights, 'test');
      const { inputIds, attentionMask } = leftPaddedBatch([7, 4, 1], config.vocabSize);
      const logits = tf.tidy(() => forwardLogits({ config, params }, inputIds, attentionMask).dataSync());
      const ref = referenceForward(config, weights, inputIds, attentionMask);
      const V = config.vocabSize;
      const T = inputIds[0]!.length;
      const real = (i: number) => attentionMask[Math.floor(i / (T * V))]![Math.floor(i / V) % T] === 1;
      expect(maxAbsDiff(logits, ref.logits, real)).toBeLessThan(2e-4);
      expect(logits.every(Number.isFinite)).toBe(true);
      for (const v of params.values()) v.dispose();
    });
  }

  it('a padded batch gives each row the logits it has alone', () => {
    const config = tinyConfig();
    const weights = randomWeights(config, 5);
    const params = createParameters(config, weights, 'test');
    const { inputIds, attentionMask } = leftPaddedBatch([6, 3], config.vocabSize, 11);
    const batched = tf.tidy(() => forwardLogits({ config, params }, inputIds, attentionMask).dataSync());
    const V = config.vocabSize;
    const alone = tf.tidy(() => forwardLogits({ config, params }, [inputIds[1]!.slice(3)], [[1, 1, 1]]).dataSync());
    const batchedRow1 = batched.subarray((6 + 3) * V, 12 * V);
    expect(maxAbsDiff(batchedRow1, alone)).toBeLessThan(1e-5);
    for (const v of params.values()) v.dispose();
  });
});
