/**
 * A train step's statistics from its sums over the step's response tokens, the same for every
 * training backend: clip fractions, approximate KL and entropy are per-token means (0 for a
 * step with no response tokens); the loss is already aggregated.
 */
import type { TrainStepInput, TrainStepStats } from './policy-types.js';

export interface TrainStepSums {
  loss: number;
  /** Tokens whose ratio was clipped, dual-clipped; Σ (old − new) log-prob; Σ entropy. */
  clipped: number;
  dual: number;
  kl: number;
  entropy: number;
}

export function trainStepStats(input: Pick<TrainStepInput, 'responseMask'>, sums: TrainStepSums, gradNorm: number, applied: boolean): TrainStepStats {
  const tokens = input.responseMask.reduce((a, row) => a + row.reduce((x, m) => x + m, 0), 0);
  const perToken = (x: number) => (tokens > 0 ? x / tokens : 0);
  return {
    loss: sums.loss,
    clipFrac: perToken(sums.clipped),
    clipFracLower: perToken(sums.dual),
    approxKl: perToken(sums.kl),
    gradNorm,
    entropy: perToken(sums.entropy),
    applied,
  };
}
