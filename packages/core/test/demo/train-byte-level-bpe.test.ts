import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/index.js';
import { byteLevelWords } from '../../src/demo/byte-level-words.js';
import { trainByteLevelBpe } from '../../src/demo/train-byte-level-bpe.js';
import { naiveBpeMerges } from './naive-bpe.js';

const repeat = (word: string, times: number): string[] => Array<string>(times).fill(word);
// The Hugging Face course corpus; one word per text, so no word carries a leading "Ġ".
const HUG_CORPUS = [...repeat('hug', 10), ...repeat('pug', 5), ...repeat('pun', 12), ...repeat('bun', 4), ...repeat('hugs', 5)];

describe('trainByteLevelBpe', () => {
  it('learns the merges worked out on paper for hug×10 pug×5 pun×12 bun×4 hugs×5', () => {
    // Pair counts: u g 10+5+5=20, p u 5+12=17, u n 12+4=16, h u 15, g s 5, b u 4 → "ug".
    // Then u n 16 > h ug 15 > p u 12 → "un"; h ug 15 → "hug"; p un 12 → "pun"; then a tie at 5
    // between (hug, s) and (p, ug): "hug" < "p" → "hugs"; then "pug" (5), "bun" (4); nothing is left.
    const { merges, words } = trainByteLevelBpe(HUG_CORPUS, { merges: 100, minFrequency: 1 });
    expect(merges).toEqual([['u', 'g'], ['u', 'n'], ['h', 'ug'], ['p', 'un'], ['hug', 's'], ['p', 'ug'], ['b', 'un']]);
    expect(words.get('hugs')).toEqual({ count: 5, tokens: ['hugs'] });
  });

  it('stops at the merge budget and reports each word as the merges so far left it', () => {
    const { merges, words } = trainByteLevelBpe(HUG_CORPUS, { merges: 3 });
    expect(merges).toEqual([['u', 'g'], ['u', 'n'], ['h', 'ug']]);
    expect(Object.fromEntries([...words].map(([word, { tokens }]) => [word, tokens]))).toEqual({
      hug: ['hug'], pug: ['p', 'ug'], pun: ['p', 'un'], bun: ['b', 'un'], hugs: ['hug', 's'],
    });
  });

  it('stops when the best pair is rarer than minFrequency', () => {
    // After "pun" (12) the best pairs occur 5 times: minFrequency 6 ends training there.
    expect(trainByteLevelBpe(HUG_CORPUS, { merges: 100, minFrequency: 6 }).merges).toHaveLength(4);
  });

  it('merges overlapping runs left to right: "aaaaa" becomes aa aa a, then aa aaa, then one token', () => {
    // a a ×4 per word ×2 words = 8; then (aa, aa) and (aa, a) both occur twice, "a" < "aa" picks (aa, a).
    const { merges, words } = trainByteLevelBpe(['aaaaa', 'aaaaa'], { merges: 10 });
    expect(merges).toEqual([['a', 'a'], ['aa', 'a'], ['aa', 'aaa']]);
    expect(words.get('aaaaa')?.tokens).toEqual(['aaaaa']);
  });

  it('trains on byte-level words: spaces become "Ġ", and special tokens are never split or counted', () => {
    // Words: "ab", "Ġab" twice each; "<|im_end|>" is cut out. Pairs: a b 4, Ġ a 2 → "ab", then Ġ ab 2.
    const { merges, words } = trainByteLevelBpe(['ab ab<|im_end|>', 'ab ab'], { merges: 10 });
    expect(merges).toEqual([['a', 'b'], ['Ġ', 'ab']]);
    expect([...words.keys()].sort()).toEqual(['ab', 'Ġab']);
  });

  it('agrees with an independent recount-everything trainer on a random corpus', () => {
    const texts = randomCorpus(new SeededRandom(5), 5_000);
    const wordCounts = new Map<string, number>();
    for (const text of texts) for (const word of byteLevelWords(text)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    expect(trainByteLevelBpe(texts, { merges: 150 }).merges).toEqual(naiveBpeMerges(wordCounts, 150, 2));
  });

  it('learns 2,000 merges from ~100 KB in well under a few seconds', () => {
    const texts = randomCorpus(new SeededRandom(9), 100_000);
    const start = performance.now();
    const { merges } = trainByteLevelBpe(texts, { merges: 2_000 });
    const seconds = (performance.now() - start) / 1000;
    expect(merges).toHaveLength(2_000);
    expect(seconds).toBeLessThan(3);
  });

  it('rejects a negative or fractional merge count and a minFrequency below 1', () => {
    expect(() => trainByteLevelBpe(['x'], { merges: -1 })).toThrow(/non-negative integer/);
    expect(() => trainByteLevelBpe(['x'], { merges: 1.5 })).toThrow(/non-negative integer/);
    expect(() => trainByteLevelBpe(['x'], { merges: 1, minFrequency: 0 })).toThrow(/at least 1/);
  });
});

/** Lines of pseudo-words from a few dozen syllables (so many distinct words share many pairs), with digits and punctuation. */
function randomCorpus(random: SeededRandom, chars: number): string[] {
  const syllables = ['ka', 'to', 'ri', 'mu', 'sen', 'lo', 'ba', 'qui', 'del', 'ne', 'xo', 'fa', 'gri', 'pe', 'zu', 'han', 'vo', 'mi', 'tra', 'el', 'ün', 'ça', 'bro', 'ist', 'wa', 'dy', 'ope', 'cu', 'ril', 'sho', 'ja', 'nor'];
  const separators = [' ', ' ', ' ', ', ', '. ', ' + ', ' = ', '\n'];
  const lines: string[] = [];
  let total = 0;
  while (total < chars) {
    let line = '';
    for (let w = 0; w < 12; w++) {
      const parts = 1 + random.int(5);
      for (let s = 0; s < parts; s++) line += syllables[random.int(syllables.length)];
      if (random.next() < 0.1) line += String(random.int(1000));
      line += separators[random.int(separators.length)];
    }
    lines.push(line);
    total += line.length;
  }
  return lines;
}
