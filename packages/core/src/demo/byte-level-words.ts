/**
 * Text → the byte-level "words" BPE works on, exactly as `@huggingface/tokenizers` sees them
 * when it encodes with the tiny/demo tokenizer.json: special tokens are cut out first (they are
 * added tokens, never merged), then each remaining section goes through Qwen2's split regex and
 * the GPT-2 byte-to-unicode map. The pre-tokenizer is the library's own, built from the same
 * config the tokenizer.json carries, so training and encoding cannot disagree about words
 * (Qwen2's regex uses `(?i:...)` and Rust `\s`, which the library translates for JS).
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { TINY_SPECIAL_TOKENS, tinyTokenizerConfig, tinyTokenizerJson } from '../model/tiny-tokenizer.js';

interface PreTokenizer {
  pre_tokenize_text(text: string): string[];
}

let preTokenizer: PreTokenizer | null = null;

/** The byte-level pre-tokens of a text that holds no special token. */
export function byteLevelWords(section: string): string[] {
  // Taken from a whole tokenizer: the library's per-class exports are not visible to NodeNext type resolution.
  preTokenizer ??= new Tokenizer(tinyTokenizerJson(), tinyTokenizerConfig()).pre_tokenizer as PreTokenizer;
  return preTokenizer.pre_tokenize_text(section);
}

/** A text cut at its special tokens: the pieces in order, each marked as special or plain text. */
export interface TextSection {
  text: string;
  special: boolean;
}

export function splitOnSpecialTokens(text: string, specials: readonly string[] = TINY_SPECIAL_TOKENS): TextSection[] {
  if (specials.length === 0) return text === '' ? [] : [{ text, special: false }];
  // Longest first, so a special that is a prefix of another never wins (the library matches greedily in a trie).
  const alternatives = [...specials].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pieces = text.split(new RegExp(`(${alternatives.join('|')})`, 'u'));
  // split() with one capture group alternates plain text (even indices) and matched specials (odd).
  return pieces.flatMap((piece, i) => (piece === '' ? [] : [{ text: piece, special: i % 2 === 1 }]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
