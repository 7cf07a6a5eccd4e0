/**
 * The running pair statistics of BPE training: how often each adjacent symbol pair occurs
 * (weighted by word frequency) and which words hold it, so a merge only revisits the words
 * it changes instead of recounting the whole corpus.
 */

// Symbol ids stay far below 2^21, so two of them pack exactly into one safe integer key.
const SHIFT = 2 ** 21;

export function pairKey(left: number, right: number): number {
  return left * SHIFT + right;
}

export function pairOfKey(key: number): [number, number] {
  return [Math.floor(key / SHIFT), key % SHIFT];
}

export class PairCounts {
  readonly counts = new Map<number, number>();
  /** Words that held the pair at some point; may list words that no longer do (checked on use). */
  private readonly holders = new Map<number, Set<number>>();

  /** Add (`sign` = 1) or remove (`sign` = -1) all adjacent pairs of one word, `weight` times each. */
  addWord(wordIndex: number, symbols: readonly number[], weight: number, sign: 1 | -1): void {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = pairKey(symbols[i]!, symbols[i + 1]!);
      const count = (this.counts.get(key) ?? 0) + sign * weight;
      if (count === 0) this.counts.delete(key);
      else this.counts.set(key, count);
      if (sign === 1) {
        let words = this.holders.get(key);
        if (!words) this.holders.set(key, (words = new Set()));
        words.add(wordIndex);
      }
    }
  }

  /** The words that may hold the pair, removed from the index (the caller re-adds what remains). */
  takeHolders(key: number): number[] {
    const words = this.holders.get(key);
    this.holders.delete(key);
    return words ? [...words] : [];
  }
}
