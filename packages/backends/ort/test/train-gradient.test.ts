/**
 * The training graph's loss, statistics and per-tensor gradients against the float64
 * reference model (test/reference) and float64 finite differences of its loss.
 */
import { DEFAULT_LOSS, type LossAggregation, type LossConfig } from '@prompt-aug/plugin-api';
import { randomModelWeights, tinyModelConfig, type ModelConfig, type NamedTensor } from '@prompt-aug/core/model';
import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { referenceLoss } from '@prompt-aug/test-utils';
import { GradientSessions } from '../src/train/gradient-sessions.js';
import { graphParameters, toCheckpointLayout, toGraphLayout } from '../src/train/graph-parameters.js';
import { rolloutBatch } from './helpers/rollouts.js';

const VARIANTS: { name: string; config: ModelConfig }[] = [
  { name: 'qwen2 GQA untied', config: tinyModelConfig({ architecture: 'qwen2', hiddenSize: 32, intermediateSize: 48, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings: false }) },
  { name: 'qwen2 one kv head, tied', config: tinyModelConfig({ architecture: 'qwen2', hiddenSize: 32, intermediateSize: 48, numAttentionHeads: 4, numKeyValueHeads: 1, tieWordEmbeddings: true }) },
  { name: 'llama MHA tied', config: tinyModelConfig({ architecture: 'llama', hiddenSize: 32, intermediateSize: 48, numAttentionHeads: 4, numKeyValueHeads: 4, tieWordEmbeddings: true }) },
];

function graphParams(config: ModelConfig, weights: Map<string, NamedTensor>): Map<string, Tensor> {
  return new Map(graphParameters(config).map((p) => [p.name, new Tensor('float32', toGraphLayout(p, weights.get(p.hfName)!.data), p.dims)]));
}

function setup(config: ModelConfig) {
  const weights = randomModelWeights(config, 51, 0.3);
  const input = rolloutBatch(config, weights);
  const referenceStepLoss = (w: Map<string, NamedTensor>, loss: LossConfig) => {
    const cur = referenceLogprobs(config, w, input.promptIds, input.promptMask, input.responseIds, input.responseMask, input.temperature);
    return referenceLoss({ logprobs: cur.logprobs, entropy: cur.entropy, oldLogprobs: input.oldLogprobs, advantages: input.advantages, mask: input.responseMask, refLogprobs: input.refLogprobs }, loss);
  };
  return { weights, input, referenceStepLoss, sessions: new GradientSessions(config, { device: 'cpu', intraOpNumThreads: 1 }) };
}

const aggregations: LossAggregation[] = ['token-mean', 'seq-mean-token-sum', 'seq-mean-token-mean', 'seq-mean-token-sum-norm'];

describe('training graph: loss and statistics match the float64 reference', () => {
  const { weights, input, referenceStepLoss, sessions } = setup(VARIANTS[0]!.config);
  const params = graphParams(VARIANTS[0]!.config, weights);
  for (const aggregation of aggregations) {
    it(`${aggregation}, micro-batches of 1, 3 and 4 give the same loss and gradient`, async () => {
      const loss: LossConfig = { ...DEFAULT_LOSS, aggregation, klCoef: 0.05, entropyCoef: 0.01 };
      const ref = referenceStepLoss(weights, loss);
      expect(ref.clipFrac).toBeGreaterThan(0);
      expect(ref.clipFracLower).toBeGreaterThan(0);
      const tokens = input.responseMask.flat().filter((m) => m === 1).length;
      const norms: number[] = [];
      for (const microBatchSize of [1, 3, 4]) {
        const { grads, sums } = await sessions.gradients(params, { ...input, microBatchSize }, loss);
        expect(sums.loss).toBeCloseTo(ref.loss, 5);
        expect(sums.clipped / tokens).toBeCloseTo(ref.clipFrac, 10);
        expect(sums.dual / tokens).toBeCloseTo(ref.clipFracLower, 10);
        expect(sums.kl / tokens).toBeCloseTo(ref.approxKl, 5);
        expect(sums.entropy / tokens).toBeCloseTo(ref.entropy, 4);
        norms.push(Math.sqrt([...grads.values()].reduce((a, g) => a + (g.data as Float32Array).reduce((s, x) => s + x * x, 0), 0)));
      }
      expect(Math.abs(norms[0]! - norms[2]!) / norms[2]!).toBeLessThan(1e-5);
      expect(Math.abs(norms[1]! - norms[2]!) / norms[2]!).toBeLessThan(1e-5);
    });
  }
});

const FD_CASES: { variant: number; loss: Partial<LossConfig> }[] = [
  { variant: 0, loss: { aggregation: 'token-mean', klCoef: 0.05, klEstimator: 'low-var-kl', entropyCoef: 0.01 } },
  { variant: 1, loss: { aggregation: 'seq-mean-token-mean', klCoef: 0.1, klEstimator: 'k2', entropyCoef: 0 } },
  { variant: 2, loss: { aggregation: 'seq-mean-token-sum', klCoef: 0.1, klEstimator: 'k1', entropyCoef: 0.02, dualClip: null } },
];

describe('training graph: every tensor’s gradient matches float64 finite differences of the reference loss', () => {
  for (const { variant, loss: overrides } of FD_CASES) {
    const { name, config } = VARIANTS[variant]!;
    it(`${name}, ${JSON.stringify(overrides)}, micro-batches of 2`, async () => {
      const { weights, input, referenceStepLoss, sessions } = setup(config);
      const loss: LossConfig = { ...DEFAULT_LOSS, ...overrides };
      const { grads } = await sessions.gradients(graphParams(config, weights), { ...input, microBatchSize: 2 }, loss);
      let checked = 0;
      for (const [k, p] of graphParameters(config).entries()) {
        const t = weights.get(p.hfName)!;
        const grad = toCheckpointLayout(p, grads.get(p.name)!.data as Float32Array);
        const embedding = p.hfName === 'model.embed_tokens.weight';
        // Two entries per tensor; embedding rows of tokens that occur in the batch.
        const picks = embedding
          ? [input.responseIds[0]![1]! * config.hiddenSize + 3, input.promptIds[0]![3]! * config.hiddenSize + 7]
          : [(k * 7) % t.data.length, (k * 13 + 5) % t.data.length];
        for (const index of picks) {
          const shifted = (delta: number) => {
            const data = Float32Array.from(t.data);
            data[index] = t.data[index]! + delta;
            return { loss: referenceStepLoss(new Map(weights).set(p.hfName, { shape: t.shape, data }), loss).loss, actual: data[index]! };
          };
          const plus = shifted(1e-3);
          const minus = shifted(-1e-3);
          const fd = (plus.loss - minus.loss) / (plus.actual - minus.actual);
          expect(Math.abs(grad[index]! - fd), `${p.name}[${index}] ort ${grad[index]} vs fd ${fd}`).toBeLessThan(2e-5 + 2e-3 * Math.abs(fd));
          checked += 1;
        }
      }
      expect(checked).toBe(2 * graphParameters(config).length);
      await sessions.dispose();
    });
  }
});
