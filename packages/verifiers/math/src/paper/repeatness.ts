/**
 * The paper's `repeatness` check: the sum of longest-common-prefix lengths between
 * neighbouring sorted suffixes, over n(n+1)/2, above 0.2 means "mostly repetition"; such
 * answers (over 128 characters) are refused by the Math-Verify stage.
 */
export function isRepetitive(s: string): boolean {
  const codes = [...s].map((ch) => ch.codePointAt(0)!);
  const n = codes.length;
  if (n <= 1) return false;
  const suffixes = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let k = 0; a + k < n && b + k < n; k++) if (codes[a + k] !== codes[b + k]) return codes[a + k]! - codes[b + k]!;
    return b - a;
  });
  let total = 0;
  for (let r = 0; r + 1 < n; r++) {
    const [a, b] = [suffixes[r]!, suffixes[r + 1]!];
    let k = 0;
    while (a + k < n && b + k < n && codes[a + k] === codes[b + k]) k++;
    total += k;
  }
  return (total * 2) / (n * (n + 1)) > 0.2;
}
