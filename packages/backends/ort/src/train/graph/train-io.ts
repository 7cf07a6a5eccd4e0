/** Input and output names of the training graph. */
export const TRAIN_IO = {
  inputIds: 'input_ids',
  attentionMask: 'attention_mask',
  positionIds: 'position_ids',
  /** [B, R] int64 response tokens (the targets of positions P−1 … P+R−2). */
  targets: 'targets',
  responseMask: 'response_mask',
  oldLogprobs: 'old_logprobs',
  /** [B, 1] */
  advantages: 'advantages',
  /** [B, R] aggregation weights over the whole step (see aggregationWeights in @prompt-aug/plugin-api). */
  lossWeights: 'loss_weights',
  refLogprobs: 'ref_logprobs',
  invTemperature: 'inv_temperature',
  loss: 'loss',
  /** [4]: clipped tokens, dual-clipped tokens, Σ(old − new) log-prob, Σ entropy (over response tokens). */
  stats: 'stats',
  grad: (param: string) => `grad.${param}`,
  /** With accumulation, the running gradient sum that `grad.*` adds to. */
  accumulated: (param: string) => `accumulated.${param}`,
} as const;
