/**
 * A deliberately plain BPE trainer for cross-checking: it recounts every pair of every word
 * before each merge and works on strings, sharing no code with the incremental trainer
 * (only the pre-tokenized words, which byte-level-words.test.ts checks by hand).
 */
export function naiveBpeMerges(wordCounts: Map<string, number>, maxMerges: number, minFrequency: number): [string, string][] {
  let words = [...wordCounts].map(([word, count]) => ({ parts: [...word], count }));
  const merges: [string, string][] = [];
  while (merges.length < maxMerges) {
    const pairCounts = new Map<string, number>();
    for (const { parts, count } of words) {
      for (let i = 0; i + 1 < parts.length; i++) {
        const key = JSON.stringify([parts[i], parts[i + 1]]);
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + count);
      }
    }
    // Sort all candidates: count descending, then left, then right token ascending.
    const ranked = [...pairCounts].map(([key, count]) => ({ pair: JSON.parse(key) as [string, string], count }));
    ranked.sort((x, y) => y.count - x.count || cmp(x.pair[0], y.pair[0]) || cmp(x.pair[1], y.pair[1]));
    const best = ranked[0];
    if (!best || best.count < minFrequency) break;
    merges.push(best.pair);
    const [left, right] = best.pair;
    words = words.map(({ parts, count }) => {
      const out: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === left && parts[i + 1] === right) out.push(parts[i++]! + right);
        else out.push(parts[i]!);
      }
      return { parts: out, count };
    });
  }
  return merges;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
