import type { ModelConfig, NamedTensor } from '@prompt-aug/core/model';

/** What the graph builders need to know about a model: a subset of core's `ModelConfig`. */
export type DecoderConfig = Pick<
  ModelConfig,
  | 'vocabSize' | 'hiddenSize' | 'intermediateSize' | 'numHiddenLayers' | 'numAttentionHeads' | 'numKeyValueHeads'
  | 'headDim' | 'ropeTheta' | 'rmsNormEps' | 'maxPositionEmbeddings' | 'tieWordEmbeddings' | 'attentionBias'
> &
  Partial<Pick<ModelConfig, 'attentionOutputBias' | 'mlpBias'>>;

/** Weights by Hugging Face name, float32, PyTorch layout (Linear weights are [out, in]). */
export type WeightMap = Map<string, NamedTensor>;

/** Graph input/output names of the decoder (the Hugging Face / transformers.js layout). */
export const IO = {
  inputIds: 'input_ids',
  attentionMask: 'attention_mask',
  positionIds: 'position_ids',
  /** int64 scalar: compute logits for the last k positions only (0 = all), as newer HF exports do. */
  logitsToKeep: 'num_logits_to_keep',
  logits: 'logits',
  pastKey: (i: number) => `past_key_values.${i}.key`,
  pastValue: (i: number) => `past_key_values.${i}.value`,
  presentKey: (i: number) => `present.${i}.key`,
  presentValue: (i: number) => `present.${i}.value`,
} as const;
