import type { ErrorCodeEntry } from './entry.js';

/** Backend policy input: what the trainer or a caller hands a backend's policy. */
export const POLICY_INPUT_CODES = {
  PA_BAD_BATCH: {
    meaning: 'A batch handed to the tfjs policy has rows of unequal length or a row count that does not match the batch.',
    fix: 'Give one row per sequence, pad every row to the same length and mark padding with 0 in the mask.',
  },
  PA_BAD_TOKEN: {
    meaning: "A batch handed to the tfjs policy holds a token id outside the model's vocabulary.",
    fix: "Tokenize with this model's own tokenizer.",
  },
  PA_NO_REF_LOGPROBS: {
    meaning: 'The loss has a KL term but the train step got no reference log-probs.',
    fix: 'Score the responses with the frozen reference policy and pass them, or set klCoef to 0.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
