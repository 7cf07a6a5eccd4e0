/**
 * Indices of the points to draw when a series has more than `maxPoints`: the x range is cut
 * into maxPoints/2 buckets and each keeps its lowest and highest point (in x order), plus the
 * first and last point. Unlike averaging (or LTTB's one point per bucket), a one-step spike in
 * grad norm or a dip in entropy stays visible. Below the limit every index is kept.
 *
 * Self-contained on purpose: the page's script runs this same function (its source) to redraw
 * smoothed curves, so the static and the redrawn curves pick points the same way.
 */
export function minMaxBuckets(xs: readonly number[], ys: readonly (number | null)[], maxPoints: number): number[] {
  const present: number[] = [];
  for (let i = 0; i < ys.length; i++) if (ys[i] !== null && Number.isFinite(ys[i])) present.push(i);
  if (present.length <= maxPoints) return present;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const x0 = xs[present[0]!]!;
  const span = xs[present[present.length - 1]!]! - x0 || 1;
  const low: number[] = new Array(buckets).fill(-1);
  const high: number[] = new Array(buckets).fill(-1);
  for (const i of present.slice(1, -1)) {
    const b = Math.min(buckets - 1, Math.floor(((xs[i]! - x0) / span) * buckets));
    if (low[b] === -1 || ys[i]! < ys[low[b]!]!) low[b] = i;
    if (high[b] === -1 || ys[i]! > ys[high[b]!]!) high[b] = i;
  }
  const kept = [present[0]!];
  for (let b = 0; b < buckets; b++) {
    if (low[b] === -1) continue;
    const pair = low[b]! < high[b]! ? [low[b]!, high[b]!] : [high[b]!, low[b]!];
    for (const i of pair) if (kept[kept.length - 1] !== i) kept.push(i);
  }
  kept.push(present[present.length - 1]!);
  return kept;
}
