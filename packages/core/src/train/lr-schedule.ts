export type LrScheduleName = 'constant' | 'cosine' | 'linear';

export interface LrScheduleConfig {
  /** Peak learning rate. */
  lr: number;
  schedule: LrScheduleName;
  /** Steps of linear warm-up: step i (0-based) uses lr·(i+1)/warmupSteps, so no step is wasted at 0. */
  warmupSteps: number;
  /** cosine/linear decay ends at lr·minLrRatio on the last step. */
  minLrRatio: number;
}

/**
 * The learning rate of 0-based step `index` of a `totalSteps` run: warm-up, then constant or a
 * decay to lr·minLrRatio. A pure function of the step, so a resumed run continues the schedule exactly.
 */
export function learningRateAt(index: number, totalSteps: number, config: LrScheduleConfig): number {
  const { lr, schedule, warmupSteps, minLrRatio } = config;
  if (index < warmupSteps) return (lr * (index + 1)) / warmupSteps;
  if (schedule === 'constant') return lr;
  const decaySteps = totalSteps - warmupSteps - 1;
  const progress = decaySteps > 0 ? Math.min(1, (index - warmupSteps) / decaySteps) : 1;
  const shape = schedule === 'cosine' ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
  return lr * (minLrRatio + (1 - minLrRatio) * shape);
}
