import type { ErrorCodeEntry } from './entry.js';

/** Models: Hub snapshots, model folders, config.json, safetensors weights. */
export const MODEL_CODES = {
  PA_BAD_MODEL: {
    meaning: '--model is neither an existing folder nor a Hugging Face Hub id.',
    fix: 'Check the path, or give a Hub id like "Qwen/Qwen2.5-Math-1.5B".',
  },
  PA_HUB_OFFLINE: {
    meaning: 'A Hub model is not downloaded and cannot be fetched (HF_HUB_OFFLINE is set or the Hub is unreachable).',
    fix: 'Unset HF_HUB_OFFLINE or set HF_ENDPOINT to a reachable mirror, or pass a local model folder with --model.',
  },
  PA_HUB_REFUSED: {
    meaning: 'The Hugging Face Hub refused the model id or revision (not found, gated or private).',
    fix: 'Check the id and revision; for a gated or private model set HF_TOKEN to a token with access.',
  },
  PA_NO_MODEL_DIR: {
    meaning: 'The model folder does not exist or cannot be read.',
    fix: 'Check the --model path.',
  },
  PA_NO_CONFIG: {
    meaning: 'The model folder has no config.json.',
    fix: 'Point --model at a Hugging Face model folder (config.json, safetensors weights, tokenizer files).',
  },
  PA_BAD_CONFIG: {
    meaning: "A model's config.json is not valid JSON or has a missing or impossible field.",
    fix: 'Fix the field named in the message, or download or save the model again.',
  },
  PA_NO_WEIGHTS: {
    meaning: 'The model folder or Hub repo has no .safetensors weights (PyTorch .bin files are not supported).',
    fix: 'Convert the model to safetensors and pass that folder with --model.',
  },
  PA_BAD_INDEX: {
    meaning: 'The safetensors weight index is not valid, or two weight files hold the same tensor.',
    fix: 'Download or save the model again so the folder holds one consistent save.',
  },
  PA_NO_FILE: {
    meaning: 'A safetensors file cannot be opened.',
    fix: 'Check that the file exists and is readable.',
  },
  PA_BAD_SAFETENSORS: {
    meaning: 'A safetensors file is truncated or corrupt.',
    fix: 'Download or save the model again.',
  },
  PA_NO_TENSOR: {
    meaning: 'The weights lack a tensor the model architecture needs.',
    fix: 'Use weights that match the config.json in the same folder; download or save the model again.',
  },
  PA_WEIGHT_MISMATCH: {
    meaning: "The weights' names or shapes do not match the model's config.json.",
    fix: 'The folder mixes files from different models or was saved incompletely; download or save it again.',
  },
  PA_INEXACT_TENSOR: {
    meaning: 'An integer tensor holds a value that float32 cannot represent exactly.',
    fix: 'Convert that tensor to a float dtype before loading the model.',
  },
  PA_CONFIG_WEIGHTS_MISMATCH: {
    meaning: 'A model\'s config.json gives dimensions (layers, hidden size, heads, vocabulary) that the weight files do not have.',
    fix: 'Fix the dimensions in config.json or download the model again.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
