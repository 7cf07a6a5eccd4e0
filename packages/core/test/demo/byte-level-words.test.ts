import { describe, expect, it } from 'vitest';
import { byteLevelWords, splitOnSpecialTokens } from '../../src/demo/byte-level-words.js';

describe('byteLevelWords (Qwen2 split regex, then GPT-2 bytes → characters)', () => {
  it('splits letters, single digits, punctuation runs and spaces as Qwen2 does', () => {
    // By hand: " 12" has no letters, so the space stands alone ("Ġ") and each digit is its own word;
    // " +" is an optional space plus punctuation; "?\n\n" is punctuation swallowing trailing newlines.
    expect(byteLevelWords('What is 12 + 3?\n\n')).toEqual(['What', 'Ġis', 'Ġ', '1', '2', 'Ġ+', 'Ġ', '3', '?ĊĊ']);
  });

  it('keeps contractions apart, and gives whitespace before a word all but its last space', () => {
    // "  go": \s+(?!\S) can take only the first space, the second joins the word; "\t ok": the tab
    // stands alone because " ok" claims the space; trailing "  " is one whitespace word.
    expect(byteLevelWords("Let's  go\t ok  ")).toEqual(['Let', "'s", 'Ġ', 'Ġgo', 'ĉ', 'Ġok', 'ĠĠ']);
  });

  it('maps non-ASCII letters to their UTF-8 bytes: "é" is C3 A9, i.e. "Ã" and "©"', () => {
    expect(byteLevelWords(' é')).toEqual(['ĠÃ©']);
  });
});

describe('splitOnSpecialTokens', () => {
  it('cuts the ChatML specials out as their own sections, dropping empty text between them', () => {
    expect(splitOnSpecialTokens('<|im_start|>user\nHi<|im_end|><|endoftext|>')).toEqual([
      { text: '<|im_start|>', special: true },
      { text: 'user\nHi', special: false },
      { text: '<|im_end|>', special: true },
      { text: '<|endoftext|>', special: true },
    ]);
  });

  it('prefers the longer of two specials sharing a prefix, and escapes regex characters', () => {
    expect(splitOnSpecialTokens('a[x]+b[x]c', ['[x]', '[x]+'])).toEqual([
      { text: 'a', special: false },
      { text: '[x]+', special: true },
      { text: 'b', special: false },
      { text: '[x]', special: true },
      { text: 'c', special: false },
    ]);
  });

  it('leaves text alone when there are no specials', () => {
    expect(splitOnSpecialTokens('plain', [])).toEqual([{ text: 'plain', special: false }]);
    expect(splitOnSpecialTokens('', [])).toEqual([]);
  });
});
