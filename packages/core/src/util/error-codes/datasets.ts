import type { ErrorCodeEntry } from './entry.js';

/** Datasets: local files, the built-in registry and Hub downloads. */
export const DATASET_CODES = {
  PA_DATASET_UNKNOWN: {
    meaning: 'The dataset given is neither an existing file nor a known dataset name.',
    fix: 'Use one of the known names the message lists, or the path of a .jsonl, .json or .parquet file.',
  },
  PA_DATASET_MISSING: {
    meaning: 'A dataset file cannot be read (it does not exist or is not readable).',
    fix: 'Check the path, or pass a known dataset name instead.',
  },
  PA_DATASET_FORMAT: {
    meaning: 'A dataset file has an extension prompt-aug cannot read.',
    fix: 'Use a .jsonl (one JSON object per line), .json (an array of rows) or .parquet file.',
  },
  PA_DATASET_BAD_JSON: {
    meaning: 'A .json dataset file is not valid JSON.',
    fix: 'Fix the JSON syntax at the line named, or rename the file to .jsonl if it holds one object per line.',
  },
  PA_DATASET_BAD_SHAPE: {
    meaning: 'A .json dataset file is valid JSON but not an array of rows or an object with a "data" or "rows" array.',
    fix: 'Reshape the file to an array of rows, or convert it to JSON Lines (.jsonl).',
  },
  PA_DATASET_BAD_PARQUET: {
    meaning: 'A .parquet dataset file cannot be read as Parquet.',
    fix: 'Re-download or re-export the file.',
  },
  PA_DATASET_BAD_ROW: {
    meaning: 'A dataset row is not valid JSON or lacks a usable problem or answer.',
    fix: 'Fix the row the message names: it needs "problem" (or "question") and "answer".',
  },
  PA_DATASET_EMPTY: {
    meaning: 'The training dataset has no rows.',
    fix: 'Point --data at a file with at least --prompts-per-step problems.',
  },
  PA_DATASET_TOO_SMALL: {
    meaning: 'Fewer rows fit in --max-prompt-tokens than one training step needs.',
    fix: 'Lower --prompts-per-step or raise --max-prompt-tokens.',
  },
  PA_DATASET_NOT_LOCAL: {
    meaning: 'A known dataset was asked for with --data-dir, but that folder has no copy of it.',
    fix: 'Put the file in --data-dir under one of the names listed, pass its path instead, or drop --data-dir to download it.',
  },
  PA_DATASET_OFFLINE: {
    meaning: 'A known dataset is not cached and could not be downloaded from the Hugging Face Hub.',
    fix: 'Check the network (or set HF_ENDPOINT to a mirror), or pass --data-dir with local copies or the file path instead.',
  },
  PA_DATASET_AUTH: {
    meaning: 'The Hugging Face Hub refused a dataset download for lack of authorisation (HTTP 401/403).',
    fix: "Accept the dataset's terms on its Hub page and set HF_TOKEN, or use --data-dir with local files.",
  },
  PA_DATASET_NOT_FOUND: {
    meaning: 'The Hub has no file where the built-in dataset registry points.',
    fix: 'Fix the registry entry (packages/core/src/data/dataset-registry.ts), or pass a local file path or --data-dir.',
  },
  PA_DATASET_INTEGRITY: {
    meaning: "A dataset download's hash or size does not match what the Hub reports; nothing was cached.",
    fix: 'Run the command again; if it keeps failing check HF_ENDPOINT or use --data-dir with local files.',
  },
  PA_DATASET_CACHE_CORRUPT: {
    meaning: "A cached dataset's hash does not match its download manifest; the corrupt copy was deleted.",
    fix: 'Run the command again to download the dataset afresh.',
  },
  PA_HF_TOKEN: {
    meaning: 'HF_TOKEN is set but does not look like a Hugging Face access token (they start with "hf_").',
    fix: 'Set HF_TOKEN to a token from https://huggingface.co/settings/tokens, or unset it for public data.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
