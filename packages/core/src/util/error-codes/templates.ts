import type { ErrorCodeEntry } from './entry.js';

/** Templates and prompts. */
export const TEMPLATE_CODES = {
  PA_TEMPLATE_INVALID: {
    meaning: "A template's chat template is missing or fails to render (Jinja error).",
    fix: 'Fix its `chatTemplate` in the plugin that provides it, or choose another template.',
  },
  PA_TEMPLATE_SET_INVALID: {
    meaning: 'A template set cannot pick a template: it is empty, has an unknown selection mode, or unusable weights.',
    fix: 'Fix the templates plugin: list at least one template, a known `select.mode` and finite weights >= 0 with one > 0.',
  },
  PA_PROMPT_INVALID: {
    meaning: 'The prompt given to a template is neither problem text nor a list of chat messages.',
    fix: 'Pass the problem text, or messages like [{"role": "user", "content": "..."}].',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
