/**
 * What each LossAggregation means, written once for every training backend.
 *
 * Per-token weights that turn token losses into the step's aggregated loss,
 * loss = Σ_b Σ_t w[b][t] · ℓ[b][t], computed once for the whole step so that accumulating
 * micro-batch gradients gives exactly the gradient of one big batch:
 *
 * - token-mean:              w = m / N, N = response tokens in the whole step. (verl instead
 *                            takes a token mean per micro-batch and averages those; the two
 *                            agree only when every micro-batch holds the same number of tokens.)
 * - seq-mean-token-sum:      w = m / B
 * - seq-mean-token-mean:     w = m / (n_b · B)   (a row with no tokens contributes 0)
 * - seq-mean-token-sum-norm: w = m / (R · B), R = padded response width (Dr. GRPO's constant
 *                            horizon; verl divides the micro-batch sum by R and then by the
 *                            number of micro-batches, which is the same for equal micro-batches).
 */
import type { LossAggregation } from './policy-types.js';

export function aggregationWeights(mask: number[][], mode: LossAggregation): number[][] {
  const B = mask.length;
  const R = mask[0]?.length ?? 0;
  const counts = mask.map((row) => row.reduce((a, m) => a + m, 0));
  const N = counts.reduce((a, n) => a + n, 0);
  return mask.map((row, b) =>
    row.map((m) => {
      if (m === 0) return 0;
      switch (mode) {
        case 'token-mean':
          return 1 / N;
        case 'seq-mean-token-sum':
          return 1 / B;
        case 'seq-mean-token-mean':
          return 1 / (counts[b]! * B);
        case 'seq-mean-token-sum-norm':
          return 1 / (R * B);
      }
    }),
  );
}
