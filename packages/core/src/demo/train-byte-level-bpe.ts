/**
 * Byte-level BPE training, the standard algorithm (Sennrich et al.; GPT-2/Qwen2 vocabularies):
 * split the corpus into byte-level words, start every word as its bytes, then repeatedly merge
 * the most frequent adjacent pair (counted within words, weighted by word frequency) into a new
 * symbol. Ties go to the lexicographically smallest pair (left token, then right token, by
 * UTF-16 code units) so the result does not depend on Map iteration order.
 *
 * Every merge yields a string that is not yet a token (as in GPT-2: 50,000 merges, 50,000 new
 * tokens; a random search over 650,000 small corpora found no exception), so the vocabulary is
 * the 256 bytes plus one token per merge, and applying the merges by rank, as every BPE encoder
 * does, reproduces the training segmentation. tinyTokenizerVocab checks this.
 */
import { byteLevelAlphabet } from '../model/byte-level-alphabet.js';
import { TINY_SPECIAL_TOKENS } from '../model/tiny-tokenizer.js';
import { byteLevelWords, splitOnSpecialTokens } from './byte-level-words.js';
import { PairCounts, pairOfKey } from './pair-counts.js';

export interface BpeTrainingOptions {
  /** How many merges to learn at most (fewer when no pair is frequent enough). */
  merges: number;
  /** Stop once the best pair occurs fewer times than this (default 2: a pair seen once only memorises that one place). */
  minFrequency?: number;
  /** Added tokens cut out of the texts before training, as the tokenizer does (default: the ChatML specials). */
  specialTokens?: readonly string[];
}

export interface TrainedBpe {
  /** The merges in rank order; the tokenizer's vocabulary is the 256 bytes, then one token per merge. */
  merges: [string, string][];
  /** Every distinct byte-level word of the corpus, with how often it occurs and its final segmentation. */
  words: Map<string, { count: number; tokens: string[] }>;
}

export function trainByteLevelBpe(texts: readonly string[], options: BpeTrainingOptions): TrainedBpe {
  const { merges: maxMerges, minFrequency = 2, specialTokens = TINY_SPECIAL_TOKENS } = options;
  if (!Number.isInteger(maxMerges) || maxMerges < 0) throw new RangeError(`trainByteLevelBpe: merges must be a non-negative integer, got ${maxMerges}`);
  if (!(minFrequency >= 1)) throw new RangeError(`trainByteLevelBpe: minFrequency must be at least 1, got ${minFrequency}`);

  const wordCounts = countWords(texts, specialTokens);
  const symbols = byteLevelAlphabet();
  const symbolId = new Map(symbols.map((symbol, id) => [symbol, id]));
  const wordTexts = [...wordCounts.keys()];
  const words = wordTexts.map((word) => Array.from(word, (char) => symbolId.get(char)!));
  const counts = wordTexts.map((word) => wordCounts.get(word)!);
  const pairs = new PairCounts();
  words.forEach((word, w) => pairs.addWord(w, word, counts[w]!, 1));

  const merges: [string, string][] = [];
  while (merges.length < maxMerges) {
    const best = mostFrequentPair(pairs.counts, symbols, minFrequency);
    if (best === null) break;
    const [left, right] = pairOfKey(best);
    const id = symbols.push(symbols[left]! + symbols[right]!) - 1;
    merges.push([symbols[left]!, symbols[right]!]);
    for (const w of pairs.takeHolders(best)) {
      pairs.addWord(w, words[w]!, counts[w]!, -1);
      words[w] = mergePair(words[w]!, left, right, id);
      pairs.addWord(w, words[w]!, counts[w]!, 1);
    }
  }
  const result = new Map(wordTexts.map((word, w) => [word, { count: counts[w]!, tokens: words[w]!.map((s) => symbols[s]!) }]));
  return { merges, words: result };
}

function countWords(texts: readonly string[], specialTokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const section of splitOnSpecialTokens(text, specialTokens)) {
      if (section.special) continue;
      for (const word of byteLevelWords(section.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function mostFrequentPair(counts: Map<number, number>, symbols: readonly string[], minFrequency: number): number | null {
  let bestKey: number | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count < minFrequency || count < bestCount) continue;
    if (count > bestCount || bestKey === null || comesFirst(key, bestKey, symbols)) {
      bestKey = key;
      bestCount = count;
    }
  }
  return bestKey;
}

function comesFirst(key: number, other: number, symbols: readonly string[]): boolean {
  const [a, b] = pairOfKey(key).map((s) => symbols[s]!) as [string, string];
  const [c, d] = pairOfKey(other).map((s) => symbols[s]!) as [string, string];
  return a !== c ? a < c : b < d;
}

/** Merge every occurrence of (left, right), scanning left to right (so "a a a" becomes "aa a"). */
function mergePair(word: readonly number[], left: number, right: number, merged: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < word.length; i++) {
    if (i + 1 < word.length && word[i] === left && word[i + 1] === right) {
      out.push(merged);
      i++;
    } else out.push(word[i]!);
  }
  return out;
}
