/**
 * Float64 reference of the GRPO/DAPO policy loss (verl `compute_policy_loss_vanilla`, dual
 * clip, `agg_loss`, `kl_penalty`) over a whole step, written from the formulas in
 * research-notes/paper.md §3, for testing backends' losses and their gradients.
 */
export interface ReferenceLossConfig {
  clipLow: number;
  clipHigh: number;
  dualClip: number | null;
  aggregation: 'token-mean' | 'seq-mean-token-sum' | 'seq-mean-token-mean' | 'seq-mean-token-sum-norm';
  klCoef: number;
  klEstimator: 'low-var-kl' | 'k1' | 'k2';
  entropyCoef: number;
}

export interface ReferenceLossInput {
  logprobs: number[][];
  entropy: number[][];
  oldLogprobs: number[][];
  advantages: number[];
  mask: number[][];
  refLogprobs?: number[][];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

function kl(logp: number, ref: number, estimator: ReferenceLossConfig['klEstimator']): number {
  if (estimator === 'k1') return logp - ref;
  if (estimator === 'k2') return 0.5 * (logp - ref) ** 2;
  const d = clamp(ref - logp, -20, 20);
  return clamp(Math.exp(d) - d - 1, -10, 10);
}

/** Aggregates a [B][R] matrix of token losses the way the whole step defines it. */
function aggregate(values: number[][], mask: number[][], mode: ReferenceLossConfig['aggregation']): number {
  const B = mask.length;
  const R = mask[0]!.length;
  const rowSums = values.map((row, b) => row.reduce((a, v, t) => a + v * mask[b]![t]!, 0));
  const rowCounts = mask.map((row) => row.reduce((a, m) => a + m, 0));
  const total = rowSums.reduce((a, s) => a + s, 0);
  if (mode === 'token-mean') return total / rowCounts.reduce((a, n) => a + n, 0);
  if (mode === 'seq-mean-token-sum') return total / B;
  if (mode === 'seq-mean-token-sum-norm') return total / (R * B);
  return rowSums.reduce((a, s, b) => a + (rowCounts[b]! > 0 ? s / rowCounts[b]! : 0), 0) / B;
}

export function referenceLoss(input: ReferenceLossInput, config: ReferenceLossConfig) {
  let tokens = 0;
  let clipped = 0;
  let dual = 0;
  let klSum = 0;
  let entropySum = 0;
  const perToken = input.logprobs.map((row, b) =>
    row.map((logp, t) => {
      const m = input.mask[b]![t]!;
      const A = input.advantages[b]!;
      const logRatio = clamp(logp - input.oldLogprobs[b]![t]!, -20, 20);
      const ratio = Math.exp(logRatio);
      const l1 = -A * ratio;
      const l2 = -A * clamp(ratio, 1 - config.clipLow, 1 + config.clipHigh);
      let pg = Math.max(l1, l2);
      if (m === 1) {
        tokens += 1;
        if (l2 > l1) clipped += 1;
        klSum += -logRatio;
        entropySum += input.entropy[b]![t]!;
      }
      if (config.dualClip !== null && A < 0) {
        const l3 = -A * config.dualClip;
        if (m === 1 && pg > l3) dual += 1;
        pg = Math.min(pg, l3);
      }
      let total = pg;
      if (config.klCoef !== 0) total += config.klCoef * kl(logp, input.refLogprobs![b]![t]!, config.klEstimator);
      total -= config.entropyCoef * input.entropy[b]![t]!;
      return total;
    }),
  );
  return {
    loss: aggregate(perToken, input.mask, config.aggregation),
    clipFrac: clipped / tokens,
    clipFracLower: dual / tokens,
    approxKl: klSum / tokens,
    entropy: entropySum / tokens,
  };
}
