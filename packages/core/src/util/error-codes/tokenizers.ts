import type { ErrorCodeEntry } from './entry.js';

/** Tokenizers. */
export const TOKENIZER_CODES = {
  PA_NO_TOKENIZER: {
    meaning: 'The model folder has no tokenizer.json (needed to tokenize, and to decode for stop strings).',
    fix: "Save the tokenizer with transformers (tokenizer.save_pretrained) or copy tokenizer.json from the model's Hub repo.",
  },
  PA_BAD_TOKENIZER: {
    meaning: 'tokenizer.json cannot be loaded, or the chat template in the tokenizer config is malformed.',
    fix: 'Re-download the tokenizer files, or fix the "chat_template" entry named in the message.',
  },
  PA_BAD_JSON: {
    meaning: "One of the model's JSON files (tokenizer.json, tokenizer_config.json, generation_config.json, config.json) is not a valid JSON object.",
    fix: 'Fix or re-download the file named in the message.',
  },
  PA_NO_EOS: {
    meaning: "No file of the model names its end-of-sequence token, so generation cannot tell when to stop.",
    fix: 'Add "eos_token_id" to generation_config.json.',
  },
  PA_TOKENIZER_NO_ID: {
    meaning: 'The tokenizer has no id for a word and no unk_token to fall back on.',
    fix: 'Add "unk_token" to the model section of tokenizer.json, or use a byte-level tokenizer.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
