import type { ErrorCodeEntry } from './entry.js';

/** Generation. */
export const GENERATION_CODES = {
  PA_BAD_SAMPLING: {
    meaning: 'The sampling settings are out of range.',
    fix: 'Use temperature >= 0 (0 = greedy), top-p in (0, 1] and top-k a whole number >= 0 (0 = off).',
  },
  PA_GENERATE_ROW_SEEDS_MISMATCH: {
    meaning: 'A generate call gave rowSeeds with a different count than its prompt rows.',
    fix: 'Give one seed per prompt row, or none.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
