/**
 * Tiny random Qwen2/Llama models for tests, from core's generator (the same weights
 * writeTinyModel puts on disk) but with a larger init scale so logits are far from uniform
 * and a wrong sign or a missing bias shows up in the numbers.
 */
import { SeededRandom } from '@prompt-aug/core';
import { randomModelWeights, tinyModelConfig, type ModelConfig, type NamedTensor, type TinyModelOptions } from '@prompt-aug/core/model';

export type TinyOptions = TinyModelOptions;

export function tinyConfig(o: TinyOptions = {}): ModelConfig {
  return tinyModelConfig({ hiddenSize: 32, intermediateSize: 48, numAttentionHeads: 4, numKeyValueHeads: 2, ...o });
}

export function randomWeights(config: ModelConfig, seed = 1, std = 0.2): Map<string, NamedTensor> {
  return randomModelWeights(config, seed, std);
}

/** A left-padded batch of random ids; `lengths[b]` real tokens at the right end of each row. */
export function leftPaddedBatch(lengths: number[], vocab: number, seed = 7, pad = 0) {
  const rng = new SeededRandom(seed);
  const T = Math.max(...lengths);
  const inputIds = lengths.map((n) => Array.from({ length: T }, (_, t) => (t < T - n ? pad : 2 + rng.int(vocab - 2))));
  const attentionMask = lengths.map((n) => Array.from({ length: T }, (_, t) => (t < T - n ? 0 : 1)));
  return { inputIds, attentionMask };
}
