/**
 * A tiny byte-level BPE tokenizer in Hugging Face `tokenizer.json` form, shaped like Qwen2's
 * (same pre-tokenizer regex, ByteLevel decoder, ChatML special tokens) but with a few dozen
 * merges, so tests get a real tokenizer with a vocabulary of about 300.
 */
import { byteLevelAlphabet } from './byte-level-alphabet.js';

/** Merges in priority order; every merged token becomes a vocabulary entry after the 256 bytes. */
const TINY_MERGES: [string, string][] = [
  ['Ġ', 't'], ['h', 'e'], ['Ġt', 'he'], ['Ġ', 'a'], ['i', 'n'], ['a', 'n'], ['Ġa', 'n'], ['Ġan', 'd'],
  ['Ġ', 'o'], ['Ġo', 'f'], ['Ġ', 'i'], ['Ġi', 's'], ['o', 'n'], ['e', 'r'], ['Ġ', 's'], ['Ġ', 'f'],
  ['Ġ', '='], ['Ġ', '+'], ['Ġ', '-'], ['Ġ', 'x'], ['Ġ', '('], ['Ċ', 'Ċ'], ['Ġ', 'Ġ'],
  ['\\', 'f'], ['r', 'a'], ['\\f', 'ra'], ['\\fra', 'c'], ['b', 'o'], ['x', 'e'], ['bo', 'xe'],
  ['boxe', 'd'], ['\\', 'boxed'], ['q', 'r'], ['s', 'qr'], ['sqr', 't'], ['\\', 'sqrt'], ['Ġ', '\\'],
];

export const TINY_SPECIAL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'] as const;

/** Qwen2's pre-tokenizer split: contractions, letter runs, single digits, punctuation runs, whitespace. */
const QWEN2_SPLIT_REGEX =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export type BpeMerges = readonly (readonly [string, string])[];

/** The 256 byte tokens, then one token per merge in rank order (the demo passes merges it trained). */
export function tinyTokenizerVocab(merges: BpeMerges = TINY_MERGES): Map<string, number> {
  const vocab = new Map<string, number>();
  for (const char of byteLevelAlphabet()) vocab.set(char, vocab.size);
  for (const [left, right] of merges) {
    const token = left + right;
    // A repeated token would leave an id without a string and make decoding ambiguous.
    if (vocab.has(token)) throw new Error(`tinyTokenizerVocab: the merge "${left} ${right}" yields "${token}", which is already a token`);
    vocab.set(token, vocab.size);
  }
  return vocab;
}

/** `tokenizer.json` for the tiny tokenizer; special tokens take the ids right after the vocabulary. */
export function tinyTokenizerJson(merges: BpeMerges = TINY_MERGES): Record<string, unknown> {
  const vocab = tinyTokenizerVocab(merges);
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: TINY_SPECIAL_TOKENS.map((content, i) => ({
      id: vocab.size + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    // No NFC normalizer (Qwen2 has one) so that any string, even non-NFC, round-trips exactly.
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'Split', pattern: { Regex: QWEN2_SPLIT_REGEX }, behavior: 'Isolated', invert: false }, byteLevel],
    },
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
      fuse_unk: false, byte_fallback: false, ignore_merges: false,
      vocab: Object.fromEntries(vocab),
      merges: merges.map(([a, b]) => `${a} ${b}`),
    },
  };
}

export function tinyTokenizerSize(merges: BpeMerges = TINY_MERGES): number {
  return tinyTokenizerVocab(merges).size + TINY_SPECIAL_TOKENS.length;
}

/** `tokenizer_config.json` in the shape Qwen2 base models ship (eos = pad = <|endoftext|>, ChatML template). */
export function tinyTokenizerConfig(merges: BpeMerges = TINY_MERGES): Record<string, unknown> {
  const firstSpecial = tinyTokenizerVocab(merges).size;
  return {
    add_bos_token: false,
    add_prefix_space: false,
    added_tokens_decoder: Object.fromEntries(TINY_SPECIAL_TOKENS.map((content, i) => [String(firstSpecial + i), {
      content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true,
    }])),
    additional_special_tokens: ['<|im_start|>', '<|im_end|>'],
    bos_token: null,
    chat_template: CHATML_TEMPLATE,
    clean_up_tokenization_spaces: false,
    eos_token: '<|endoftext|>',
    errors: 'replace',
    model_max_length: 32768,
    pad_token: '<|endoftext|>',
    split_special_tokens: false,
    tokenizer_class: 'Qwen2Tokenizer',
    unk_token: null,
  };
}
