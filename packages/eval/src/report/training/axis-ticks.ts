/** About `count` round tick values (1, 2 or 5 × 10^k apart) covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A tick label: three significant digits, scientific notation for very small or large values (learning rates). */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e6) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/** [low, high] of the values, padded by 5% (a flat series gets a band around its value). */
export function paddedDomain(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (!Number.isFinite(low)) return [0, 1];
  if (high === low) {
    const band = Math.abs(low) * 0.1 || 1;
    return [low - band, high + band];
  }
  const pad = (high - low) * 0.05;
  return [low - pad, high + pad];
}
