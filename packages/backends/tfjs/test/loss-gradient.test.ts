import * as tf from '@tensorflow/tfjs';
import { DEFAULT_LOSS, DEFAULT_OPTIMIZER, type LossAggregation, type LossConfig } from '@prompt-aug/plugin-api';
import { type NamedTensor } from '@prompt-aug/core/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { referenceLoss } from '@prompt-aug/test-utils';
import { createParameters, toHuggingFaceTensor } from '../src/model/parameters.js';
import { createAdamWState } from '../src/train/adamw.js';
import { accumulateGradients, type Trainer } from '../src/train/train-step.js';
import { useWasm } from './helpers/engine.js';
import { rolloutBatch } from './helpers/rollouts.js';
import { randomWeights, tinyConfig } from './helpers/tiny-model.js';

beforeAll(useWasm);

const config = tinyConfig({ architecture: 'qwen2', tieWordEmbeddings: false, numKeyValueHeads: 2 });
const weights = randomWeights(config, 51, 0.3);
const input = rolloutBatch(config, weights);

function referenceStepLoss(w: Map<string, NamedTensor>, loss: LossConfig) {
  const cur = referenceLogprobs(config, w, input.promptIds, input.promptMask, input.responseIds, input.responseMask, input.temperature);
  return referenceLoss(
    { logprobs: cur.logprobs, entropy: cur.entropy, oldLogprobs: input.oldLogprobs, advantages: input.advantages, mask: input.responseMask, refLogprobs: input.refLogprobs },
    loss,
  );
}

function makeTrainer(loss: LossConfig, checkpointLayers = false): Trainer {
  return { model: { config, params: createParameters(config, weights, 'test') }, optimizer: createAdamWState(), loss, optim: DEFAULT_OPTIMIZER, checkpointLayers };
}

function dispose(trainer: Trainer, grads: Map<string, tf.Tensor>) {
  tf.dispose([...grads.values(), ...trainer.model.params.values()]);
}

const aggregations: LossAggregation[] = ['token-mean', 'seq-mean-token-sum', 'seq-mean-token-mean', 'seq-mean-token-sum-norm'];

describe('policy loss matches the float64 reference', () => {
  for (const aggregation of aggregations) {
    it(`${aggregation}: loss and statistics, micro-batches of 1 and 3 and 4`, () => {
      const loss: LossConfig = { ...DEFAULT_LOSS, aggregation, klCoef: 0.05, entropyCoef: 0.01 };
      const ref = referenceStepLoss(weights, loss);
      expect(ref.clipFrac).toBeGreaterThan(0); // the batch exercises the clip…
      expect(ref.clipFracLower).toBeGreaterThan(0); // …and the dual clip
      const trainer = makeTrainer(loss);
      const norms: number[] = [];
      for (const microBatchSize of [1, 3, 4]) {
        const { grads, sums } = accumulateGradients(trainer, { ...input, microBatchSize });
        expect(sums.loss).toBeCloseTo(ref.loss, 5);
        const tokens = input.responseMask.flat().filter((m) => m === 1).length;
        expect(sums.clipped / tokens).toBeCloseTo(ref.clipFrac, 10);
        expect(sums.dual / tokens).toBeCloseTo(ref.clipFracLower, 10);
        expect(sums.kl / tokens).toBeCloseTo(ref.approxKl, 5);
        expect(sums.entropy / tokens).toBeCloseTo(ref.entropy, 4);
        norms.push(Math.sqrt([...grads.values()].reduce((a, g) => a + tf.sum(tf.square(g)).dataSync()[0]!, 0)));
        tf.dispose([...grads.values()]);
      }
      // Accumulation over micro-batches equals one big batch.
      expect(Math.abs(norms[0]! - norms[2]!) / norms[2]!).toBeLessThan(1e-5);
      expect(Math.abs(norms[1]! - norms[2]!) / norms[2]!).toBeLessThan(1e-5);
      dispose(trainer, new Map());
    });
  }
});

describe('the gradient matches float64 finite differences of the reference loss', () => {
  for (const [aggregation, klCoef, checkpoint] of [['token-mean', 0.05, false], ['seq-mean-token-mean', 0, false], ['token-mean', 0.05, true]] as const) {
    it(`${aggregation}, klCoef ${klCoef}, accumulated over micro-batches of 2${checkpoint ? ', layers checkpointed' : ''}`, () => {
      const loss: LossConfig = { ...DEFAULT_LOSS, aggregation, klCoef, entropyCoef: 0.01 };
      const trainer = makeTrainer(loss, checkpoint);
      const { grads } = accumulateGradients(trainer, { ...input, microBatchSize: 2 });
      const probeNames = [...weights.keys()];
      let checked = 0;
      for (const [k, name] of probeNames.entries()) {
        const t = weights.get(name)!;
        const grad = toHuggingFaceTensor(name, grads.get(name)!);
        // Two entries per tensor; for the embedding, rows of tokens that occur in the batch.
        const picks = name === 'model.embed_tokens.weight'
          ? [input.responseIds[0]![1]! * config.hiddenSize + 3, input.promptIds[0]![3]! * config.hiddenSize + 7]
          : [(k * 7) % t.data.length, (k * 13 + 5) % t.data.length];
        for (const index of picks) {
          const original = t.data[index]!;
          const shifted = (delta: number) => {
            const copy = new Map(weights);
            const data = Float32Array.from(t.data);
            data[index] = original + delta;
            copy.set(name, { shape: t.shape, data });
            return { loss: referenceStepLoss(copy, loss).loss, actual: data[index]! };
          };
          const plus = shifted(1e-3);
          const minus = shifted(-1e-3);
          const fd = (plus.loss - minus.loss) / (plus.actual - minus.actual);
          const got = grad.data[index]!;
          expect(Math.abs(got - fd), `${name}[${index}] tfjs ${got} vs fd ${fd}`).toBeLessThan(2e-5 + 2e-3 * Math.abs(fd));
          checked += 1;
        }
      }
      expect(checked).toBe(2 * probeNames.length);
      dispose(trainer, grads);
    });
  }
});
