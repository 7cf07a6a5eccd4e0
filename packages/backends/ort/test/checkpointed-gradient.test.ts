/**
 * Layer checkpointing changes where activations live, not the numbers: its loss, statistics
 * and every gradient equal the whole-step graph's (itself checked against the float64
 * reference in train-gradient.test.ts), and spot entries match float64 finite differences.
 */
import { DEFAULT_LOSS, type LossConfig } from '@prompt-aug/plugin-api';
import { randomModelWeights, tinyModelConfig, type ModelConfig, type NamedTensor } from '@prompt-aug/core/model';
import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { referenceLogprobs } from '@prompt-aug/test-utils';
import { referenceLoss } from '@prompt-aug/test-utils';
import { CheckpointedGradients } from '../src/train/checkpointed-gradients.js';
import { GradientSessions } from '../src/train/gradient-sessions.js';
import { graphParameters, toCheckpointLayout, toGraphLayout } from '../src/train/graph-parameters.js';
import { rolloutBatch } from './helpers/rollouts.js';

const settings = { device: 'cpu', intraOpNumThreads: 1 };
const shape = { hiddenSize: 32, intermediateSize: 48, numAttentionHeads: 4 };

describe.each([
  { name: 'qwen2 GQA untied, 3 layers', config: tinyModelConfig({ architecture: 'qwen2', ...shape, numKeyValueHeads: 2, numHiddenLayers: 3, tieWordEmbeddings: false }) },
  { name: 'llama tied', config: tinyModelConfig({ architecture: 'llama', ...shape, numKeyValueHeads: 1, tieWordEmbeddings: true }) },
])('checkpointed layers ($name)', ({ config }: { config: ModelConfig }) => {
  const weights = randomModelWeights(config, 61, 0.3);
  const input = rolloutBatch(config, weights);
  const params = new Map(graphParameters(config).map((p) => [p.name, new Tensor('float32', toGraphLayout(p, weights.get(p.hfName)!.data), p.dims)]));
  const loss: LossConfig = { ...DEFAULT_LOSS, aggregation: 'token-mean', klCoef: 0.05, entropyCoef: 0.01 };

  it('give the whole-step graph’s loss, statistics and gradients, with micro-batches of 1, 2 and 4', async () => {
    const whole = await new GradientSessions(config, settings).gradients(params, { ...input, microBatchSize: 4 }, loss);
    const engine = new CheckpointedGradients(config, settings);
    for (const microBatchSize of [1, 2, 4]) {
      const got = await engine.gradients(params, { ...input, microBatchSize }, loss);
      expect(got.sums.loss).toBeCloseTo(whole.sums.loss, 6);
      expect(got.sums.clipped).toBe(whole.sums.clipped);
      expect(got.sums.dual).toBe(whole.sums.dual);
      expect(got.sums.entropy).toBeCloseTo(whole.sums.entropy, 5);
      expect([...got.grads.keys()].sort()).toEqual([...whole.grads.keys()].sort());
      for (const [name, g] of whole.grads) {
        const a = g.data as Float32Array;
        const b = got.grads.get(name)!.data as Float32Array;
        let scale = 0;
        let diff = 0;
        for (let i = 0; i < a.length; i++) {
          scale = Math.max(scale, Math.abs(a[i]!));
          diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
        }
        expect(diff, `${name}, micro-batches of ${microBatchSize}`).toBeLessThanOrEqual(1e-5 * Math.max(scale, 1e-3));
      }
    }
    await engine.dispose();
  });

  it('match float64 finite differences of the reference loss', async () => {
    const engine = new CheckpointedGradients(config, settings);
    const { grads } = await engine.gradients(params, { ...input, microBatchSize: 3 }, loss);
    const stepLoss = (w: Map<string, NamedTensor>) => {
      const cur = referenceLogprobs(config, w, input.promptIds, input.promptMask, input.responseIds, input.responseMask, input.temperature);
      return referenceLoss({ logprobs: cur.logprobs, entropy: cur.entropy, oldLogprobs: input.oldLogprobs, advantages: input.advantages, mask: input.responseMask, refLogprobs: input.refLogprobs }, loss).loss;
    };
    for (const [k, p] of graphParameters(config).entries()) {
      const t = weights.get(p.hfName)!;
      const index = p.hfName === 'model.embed_tokens.weight' ? input.promptIds[0]![3]! * config.hiddenSize + 5 : (k * 11 + 3) % t.data.length;
      const shifted = (delta: number) => {
        const data = Float32Array.from(t.data);
        data[index] = t.data[index]! + delta;
        return { loss: stepLoss(new Map(weights).set(p.hfName, { shape: t.shape, data })), at: data[index]! };
      };
      const [plus, minus] = [shifted(1e-3), shifted(-1e-3)];
      const fd = (plus.loss - minus.loss) / (plus.at - minus.at);
      const got = toCheckpointLayout(p, grads.get(p.name)!.data as Float32Array)[index]!;
      expect(Math.abs(got - fd), `${p.name}[${index}] ${got} vs fd ${fd}`).toBeLessThan(2e-5 + 2e-3 * Math.abs(fd));
    }
    await engine.dispose();
  });
});
