import type { ErrorCodeEntry } from './entry.js';

/** Verifying answers (`pa verify`). */
export const VERIFY_CODES = {
  PA_VERIFY_INPUT: {
    meaning: 'The --input cases file cannot be read or has a line that is not a valid case.',
    fix: 'Make each line a JSON object with "gold" (string or list) and "response" (string).',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
