/**
 * TensorBoard's smoothing: an exponential moving average with weight `w` in [0, 1), debiased
 * so the first points are not pulled towards 0. Missing values (null) stay missing and do not
 * move the average. w = 0 returns the values unchanged.
 *
 * Self-contained on purpose: the page's script runs this function's own source.
 */
export function emaSmooth(ys: readonly (number | null)[], w: number): (number | null)[] {
  let last = 0;
  let debias = 0;
  const out: (number | null)[] = [];
  for (const y of ys) {
    if (y === null || !Number.isFinite(y)) {
      out.push(null);
      continue;
    }
    last = last * w + (1 - w) * y;
    debias = debias * w + (1 - w);
    out.push(w === 0 ? y : last / debias);
  }
  return out;
}
