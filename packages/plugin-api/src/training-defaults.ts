/**
 * The loss and optimizer numbers a training backend uses when the caller gives none: the paper's
 * recipe (clip 0.2/0.28, dual clip 3, token-mean, no KL, AdamW 1e-6). The trainer's config
 * schema takes its defaults from here, so these are written once.
 */
import type { LossConfig, OptimizerConfig } from './policy-types.js';

export const DEFAULT_LOSS: LossConfig = {
  clipLow: 0.2,
  clipHigh: 0.28,
  dualClip: 3,
  aggregation: 'token-mean',
  klCoef: 0,
  klEstimator: 'low-var-kl',
  entropyCoef: 0,
};

export const DEFAULT_OPTIMIZER: OptimizerConfig = {
  lr: 1e-6,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0.01,
  gradClip: 1.0,
};
