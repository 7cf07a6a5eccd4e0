/** One curve of a chart: a metrics.jsonl path and what the curve is called when a chart has several. */
export interface MetricCurve {
  path: readonly string[];
  name?: string;
}

export interface MetricChart {
  id: string;
  title: string;
  curves: readonly MetricCurve[];
}

/** The training charts, in page order. A chart whose metrics no run logged is left out. */
export const TRAINING_CHARTS: readonly MetricChart[] = [
  { id: 'reward', title: 'reward', curves: [{ path: ['reward'] }] },
  { id: 'accuracy', title: 'accuracy', curves: [{ path: ['accuracy'] }] },
  { id: 'formatReward', title: 'format reward', curves: [{ path: ['formatReward'] }] },
  { id: 'entropy', title: 'entropy (token mean, pre-update policy)', curves: [{ path: ['entropy'] }] },
  { id: 'responseLength', title: 'response length (tokens): mean, and max dashed', curves: [{ path: ['responseLength', 'mean'], name: 'mean' }, { path: ['responseLength', 'max'], name: 'max' }] },
  { id: 'clipFrac', title: 'clip fraction: upper, and lower dashed', curves: [{ path: ['clipFrac'], name: 'upper' }, { path: ['clipFracLower'], name: 'lower' }] },
  { id: 'gradNorm', title: 'grad norm', curves: [{ path: ['gradNorm'] }] },
  { id: 'approxKl', title: 'approx KL', curves: [{ path: ['approxKl'] }] },
  { id: 'lr', title: 'learning rate', curves: [{ path: ['lr'] }] },
  { id: 'stepTime', title: 'step time (s)', curves: [{ path: ['time', 'step'] }] },
  { id: 'zeroAdvantage', title: 'zero-advantage groups (fraction)', curves: [{ path: ['zeroAdvantageGroupsFraction'] }] },
  { id: 'truncated', title: 'truncated responses (fraction)', curves: [{ path: ['truncatedFraction'] }] },
];

/** Per-template panels: one chart per metric, a curve per run. */
export const TEMPLATE_METRICS: readonly { group: string; title: string }[] = [
  { group: 'accuracyByTemplate', title: 'accuracy' },
  { group: 'formatRewardByTemplate', title: 'format reward' },
  { group: 'entropyByTemplate', title: 'entropy' },
];
