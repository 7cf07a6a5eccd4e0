/**
 * The training–inference mismatch: a separate rollout engine (vLLM, SGLang, pa serve, ORT)
 * computes slightly different log-probs than the trainer for the same weights (kernels,
 * precision, or stale weights). The PPO ratio keeps the trainer's own old log-probs; each
 * token's policy-gradient term is additionally weighted by the importance ratio
 * trainer/engine (Yao et al. 2025; verl's rollout_is, slime, OpenRLHF, TRL).
 */

export type Correction = 'tis' | 'mis' | 'none';

/**
 * Per-token weights, [B][n_b] like the inputs:
 * - tis: min(exp(trainer − engine), cap) per token (truncated importance sampling);
 * - mis: 1 for a sequence whose geometric-mean ratio exp(mean(trainer − engine)) lies in
 *   [1/cap, cap], 0 for every token of one outside (masked importance sampling);
 * - none: 1.
 */
export function importanceWeights(trainer: readonly number[][], engine: readonly number[][], correction: Correction, cap: number): number[][] {
  return trainer.map((row, b) => {
    const logRatios = row.map((v, t) => v - engine[b]![t]!);
    if (correction === 'tis') return logRatios.map((d) => Math.min(Math.exp(d), cap));
    if (correction === 'mis') {
      const mean = logRatios.length ? logRatios.reduce((a, d) => a + d, 0) / logRatios.length : 0;
      const keep = Math.abs(mean) <= Math.log(cap) ? 1 : 0;
      return logRatios.map(() => keep);
    }
    return logRatios.map(() => 1);
  });
}

export interface Mismatch {
  /** Token mean of |engine − trainer| log-prob. */
  logpAbsDiff: number;
  /** Token mean of the k3 estimate of KL(engine ‖ trainer): r − 1 − log r with r = p_trainer / p_engine. */
  kl: number;
  /** Share of tokens whose untruncated weight exceeds the cap. */
  cappedFraction: number;
}

export function mismatchMetrics(trainer: readonly number[][], engine: readonly number[][], cap: number): Mismatch {
  let abs = 0;
  let kl = 0;
  let capped = 0;
  let n = 0;
  trainer.forEach((row, b) =>
    row.forEach((v, t) => {
      const d = v - engine[b]![t]!;
      abs += Math.abs(d);
      kl += Math.expm1(d) - d;
      if (Math.exp(d) > cap) capped++;
      n++;
    }),
  );
  return n ? { logpAbsDiff: abs / n, kl: kl / n, cappedFraction: capped / n } : { logpAbsDiff: 0, kl: 0, cappedFraction: 0 };
}

/**
 * A jump in the mismatch, the first sign of a broken weight sync: this step's |Δ logp| is more
 * than `factor` times the mean of the previous steps', and above a floor that numerical noise stays under.
 */
export function mismatchJumped(history: readonly number[], current: number, factor = 3, floor = 0.02): boolean {
  if (history.length === 0 || current < floor) return false;
  const mean = history.reduce((a, v) => a + v, 0) / history.length;
  return current > factor * mean;
}
