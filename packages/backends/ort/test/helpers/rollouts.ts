/**
 * A small GRPO batch in the RL layout with old log-probs displaced from the reference's so
 * some ratios fall outside the clip range (and one beyond the dual clip); the same batch
 * backend-tfjs' tests train on.
 */
import { type TrainStepInput } from '@prompt-aug/plugin-api';
import { SeededRandom } from '@prompt-aug/core';
import { type ModelConfig, type NamedTensor } from '@prompt-aug/core/model';
import { referenceLogprobs } from '@prompt-aug/test-utils';

export const ROLLOUT_TEMPERATURE = 0.8;

function leftPaddedBatch(lengths: number[], vocab: number, seed: number) {
  const rng = new SeededRandom(seed);
  const T = Math.max(...lengths);
  const inputIds = lengths.map((n) => Array.from({ length: T }, (_, t) => (t < T - n ? 0 : 2 + rng.int(vocab - 2))));
  const attentionMask = lengths.map((n) => Array.from({ length: T }, (_, t) => (t < T - n ? 0 : 1)));
  return { inputIds, attentionMask };
}

export function rolloutBatch(config: ModelConfig, weights: Map<string, NamedTensor>): TrainStepInput {
  const prompts = leftPaddedBatch([4, 2, 3, 3], config.vocabSize, 41);
  const responses = leftPaddedBatch([4, 4, 4, 4], config.vocabSize, 43);
  const responseMask = [
    [1, 1, 1, 1],
    [1, 1, 0, 0],
    [1, 1, 1, 0],
    [1, 0, 0, 0],
  ];
  const batch = { promptIds: prompts.inputIds, promptMask: prompts.attentionMask, responseIds: responses.inputIds, responseMask };
  const ref = referenceLogprobs(config, weights, batch.promptIds, batch.promptMask, batch.responseIds, responseMask, ROLLOUT_TEMPERATURE);
  // ratio = exp(offset): 0.4 → 1.49 (above 1.28), −0.5 → 0.61 (below 0.8), 1.5 → 4.48 (beyond the dual clip 3).
  const offsets = [
    [0.05, 0.4, -0.1, 0.02],
    [-0.5, 0.1, 0, 0],
    [1.5, -0.03, 0.3, 0],
    [0.2, 0, 0, 0],
  ];
  const oldLogprobs = ref.logprobs.map((row, b) => row.map((lp, t) => (responseMask[b]![t] ? lp - offsets[b]![t]! : 0)));
  const refLogprobs = ref.logprobs.map((row, b) => row.map((lp, t) => (responseMask[b]![t] ? lp + 0.1 * (t - 1) : 0)));
  return { ...batch, oldLogprobs, refLogprobs, advantages: [1.2, -0.7, -1.5, 0.4], temperature: ROLLOUT_TEMPERATURE };
}
