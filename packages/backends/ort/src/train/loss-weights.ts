/**
 * Per-token weights that turn token losses into the step's loss, loss = Σ w·ℓ, computed over
 * the whole step so that summing micro-batch gradients equals one big batch (the same
 * definition as backend-tfjs' loss-weights.ts; a plugin cannot import another plugin):
 * token-mean m/N; seq-mean-token-sum m/B; seq-mean-token-mean m/(n_b·B);
 * seq-mean-token-sum-norm m/(R·B).
 */
import type { LossAggregation } from '@prompt-aug/plugin-api';

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
