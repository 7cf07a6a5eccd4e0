import type { TrainConfigInput } from './train-config.js';

type PresetPatch = Omit<Partial<TrainConfigInput>, 'model' | 'data' | 'out'>;

/**
 * Named recipes. `paper` is the schema's defaults (prompt-augmented "DAPO" of the paper: clip
 * 0.2/0.28, dual clip 3, token-mean, no KL, diverse templates). The others are the baselines
 * the paper compares against, as verl configures them.
 */
export const PRESETS: Record<string, { description: string; patch: PresetPatch }> = {
  paper: {
    description: 'the paper: GRPO advantages, clip-higher 0.2/0.28, dual clip 3, token-mean, no KL, templates-diverse, 60 epochs',
    patch: {},
  },
  grpo: {
    description: 'GRPO baseline: KL 0.001 (low-variance estimator), symmetric clip 0.2, a single template (qwen-math), 20 epochs',
    patch: {
      plugin: 'templates-qwen-math',
      epochs: 20,
      loss: { clipLow: 0.2, clipHigh: 0.2, klCoef: 0.001, klEstimator: 'low-var-kl' },
    },
  },
  'dr-grpo': {
    description: 'Dr. GRPO: advantages not divided by the std, seq-mean-token-sum-norm aggregation, single template',
    patch: {
      plugin: 'templates-qwen-math',
      advantage: { normalizeByStd: false },
      loss: { clipLow: 0.2, clipHigh: 0.2, aggregation: 'seq-mean-token-sum-norm' },
    },
  },
  dapo: {
    description: 'DAPO without prompt augmentation: clip-higher, token-mean, no KL, dynamic sampling, single template',
    patch: { plugin: 'templates-qwen-math', dynamicSampling: true },
  },
};
