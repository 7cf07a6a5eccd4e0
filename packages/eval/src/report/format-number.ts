/** Percentages are shown with one decimal, as in the paper's table; a missing value is an em dash. */
export function formatPercent(value: number | undefined | null): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(1) : '—';
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
