import type { ErrorCodeEntry } from './entry.js';

/** Configuration and presets. */
export const CONFIG_CODES = {
  PA_CONFIG_INVALID: {
    meaning: 'The training config file or flags have invalid values, or name an unknown preset.',
    fix: 'Fix the values the message lists (in the config file or the flags; --print-config shows the merged result), or pick a listed preset.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
