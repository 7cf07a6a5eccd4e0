/**
 * How many tokens a problem takes, without tokenizing text that cannot fit anyway: a 200 MB
 * single-row dataset is valid JSON, but @huggingface/tokenizers turns a long word into one
 * array per character and fails with a bare `RangeError: Invalid array length`.
 */
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import { UserError } from '../util/user-error.js';

const longestTokenChars = new WeakMap<ModelTokenizer, number>();

/**
 * No token covers more characters than the longest string in the vocabulary (byte-level
 * tokens stand for at least one character each); 4x leaves room for normalisers that
 * compose characters. Longer text is over `limit` for certain (a tokenizer that maps a whole
 * unknown word to one [UNK] is the exception no real problem hits).
 */
function charsPerTokenBound(tokenizer: ModelTokenizer): number {
  let longest = longestTokenChars.get(tokenizer);
  if (longest === undefined) {
    longest = 1;
    for (const token of tokenizer.tokenizer.get_vocab(true).keys()) longest = Math.max(longest, token.length);
    longestTokenChars.set(tokenizer, longest);
  }
  return 4 * longest;
}

/** The token count of `text`, or Infinity when it is certainly longer than `limit` tokens. */
export function boundedTokenCount(tokenizer: ModelTokenizer, text: string, limit: number, rowName: string): number {
  if (text.length > limit * charsPerTokenBound(tokenizer)) return Number.POSITIVE_INFINITY;
  try {
    return tokenizer.encode(text, { addSpecialTokens: false }).length;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UserError(
      `The problem of ${rowName} (${text.length} characters) is too long for the tokenizer (${error.message}). ` +
        'Shorten it or remove the row from the dataset.',
      'PA_PROBLEM_TOO_LONG',
      { cause: error },
    );
  }
}
