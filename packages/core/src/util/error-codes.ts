import { CLI_CODES } from './error-codes/cli.js';
import { CONFIG_CODES } from './error-codes/config.js';
import { DATASET_CODES } from './error-codes/datasets.js';
import { MODEL_CODES } from './error-codes/models.js';
import { TOKENIZER_CODES } from './error-codes/tokenizers.js';
import { GENERATION_CODES } from './error-codes/generation.js';
import { PLUGIN_CODES } from './error-codes/plugins.js';
import { TEMPLATE_CODES } from './error-codes/templates.js';
import { TRAINING_CODES } from './error-codes/training.js';
import { EVALUATION_CODES } from './error-codes/evaluation.js';
import { REMOTE_GENERATION_CODES } from './error-codes/remote-generation.js';
import { POLICY_INPUT_CODES } from './error-codes/policy-input.js';
import { BACKEND_TFJS_CODES } from './error-codes/backend-tfjs.js';
import { BACKEND_ORT_CODES } from './error-codes/backend-ort.js';
import { VERIFY_CODES } from './error-codes/verify.js';

/**
 * Every code a `UserError` can carry, with what it means and the usual fix (one sentence each).
 * Codes are stable: users search for them and scripts match them, so never rename one; add a
 * new code for a new failure. docs/errors.md is generated from this table
 * (`node scripts/error-codes-doc.mjs` after building core) and a test keeps both in step.
 */
export const ERROR_CODES = {
  ...CLI_CODES,
  ...CONFIG_CODES,
  ...DATASET_CODES,
  ...MODEL_CODES,
  ...TOKENIZER_CODES,
  ...GENERATION_CODES,
  ...PLUGIN_CODES,
  ...TEMPLATE_CODES,
  ...TRAINING_CODES,
  ...EVALUATION_CODES,
  ...REMOTE_GENERATION_CODES,
  ...POLICY_INPUT_CODES,
  ...BACKEND_TFJS_CODES,
  ...BACKEND_ORT_CODES,
  ...VERIFY_CODES,
} as const;

/** A code a `UserError` can carry; see ERROR_CODES (and docs/errors.md) for each one's meaning and fix. */
export type ErrorCode = keyof typeof ERROR_CODES;
