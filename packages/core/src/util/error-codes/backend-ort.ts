import type { ErrorCodeEntry } from './entry.js';

/** ONNX Runtime backend (backend-ort): options, ONNX export and loading, batches. */
export const BACKEND_ORT_CODES = {
  PA_ORT_BAD_OPTION: {
    meaning: 'A backend-ort load option has a value of the wrong type or range.',
    fix: 'Set the option to the kind of value the message names.',
  },
  PA_ORT_BAD_DEVICE: {
    meaning: 'backend-ort was asked for a device other than "cpu", "cuda" or "webgpu".',
    fix: 'Use device "cpu", "cuda" or "webgpu" (pa doctor shows which this machine has).',
  },
  PA_ORT_DEVICE_UNAVAILABLE: {
    meaning: "A GPU device (cuda or webgpu) was requested, but ONNX Runtime's execution provider for it could not start on this machine (no GPU adapter, no driver).",
    fix: 'Run with --device cpu, or install the GPU driver the message names (WebGPU on Linux: Vulkan; CUDA: CUDA 12 and cuDNN 9). GPU training is not tested by this project.',
  },
  PA_ORT_NO_CUDA: {
    meaning: 'Device "cuda" was requested but onnxruntime-node has no CUDA provider libraries installed.',
    fix: 'Allow the onnxruntime-node install script (pnpm allowBuilds) on a machine with CUDA 12 and cuDNN 9, or use device "cpu".',
  },
  PA_ORT_BAD_DTYPE: {
    meaning: 'exportOnnx was given a dtype other than "fp32" or "fp16".',
    fix: 'Pass dtype "fp32" or "fp16".',
  },
  PA_ORT_MISSING_WEIGHT: {
    meaning: 'The checkpoint lacks a weight the ONNX builder needs (it reads Qwen2/Llama checkpoints).',
    fix: 'Check that the model is a Qwen2 or Llama architecture and that its safetensors files are complete.',
  },
  PA_ORT_WEIGHT_SHAPE: {
    meaning: "A weight's shape disagrees with what config.json implies.",
    fix: 'Re-download the checkpoint or fix config.json.',
  },
  PA_ORT_BAD_WEIGHTS: {
    meaning: 'updateWeights got weights that are missing, misnamed or not float32 in PyTorch layout.',
    fix: 'Send the full state dict by Hugging Face names (or a saved model folder).',
  },
  PA_ORT_LOAD_FAILED: {
    meaning: 'ONNX Runtime could not load the .onnx model file.',
    fix: 'Keep an external-data file next to the model under its exported name, or re-export the model.',
  },
  PA_ORT_BAD_EXPORT: {
    meaning: 'The ONNX file is not a decoder with a KV cache in the Hugging Face / transformers.js layout.',
    fix: 'Export it with a KV cache (optimum-cli export onnx --task text-generation-with-past) or let prompt-aug build the graph from the safetensors.',
  },
  PA_ORT_KV_DTYPE: {
    meaning: 'The ONNX export keeps its KV cache in a dtype other than float32, which backend-ort does not drive.',
    fix: "Use a float32 export, or an fp16-weights export from exportOnnx(..., { dtype: 'fp16' }).",
  },
  PA_ORT_BAD_BATCH: {
    meaning: 'A batch handed to the ort policy is empty, ragged, or has mismatched row counts.',
    fix: 'Give one row per sequence, pad every row to the same width and mark padding with 0 in the mask.',
  },
  PA_ORT_BAD_MASK: {
    meaning: 'An attention-mask row is not 0/1 with its real tokens in one contiguous run.',
    fix: 'Pad prompts on the left and responses on the right, marking padding with 0.',
  },
  PA_ORT_BAD_TOKEN: {
    meaning: "A batch handed to the ort policy holds a token id outside the model's vocabulary.",
    fix: "Tokenize with the model's own tokenizer.",
  },
  PA_ORT_EMPTY_PROMPT: {
    meaning: 'A sequence in the batch has no real token.',
    fix: 'Drop empty prompts from the batch.',
  },
  PA_ORT_TOO_LONG: {
    meaning: "The prompt plus maxNewTokens exceeds the model's max_position_embeddings.",
    fix: 'Lower maxNewTokens (--max-new-tokens) or shorten the prompts.',
  },
  PA_ORT_BAD_TEMPERATURE: {
    meaning: 'Log-probs were asked for at a temperature that is not > 0.',
    fix: 'Pass a temperature greater than 0.',
  },
  PA_ORT_TRAIN_MISSING_REF_LOGPROBS: {
    meaning: 'A training batch has a KL term (klCoef > 0) but no reference log-probs.',
    fix: 'Pass refLogprobs with the batch, or set the KL coefficient to 0.',
  },
  PA_ORT_TRAIN_GRAPH_FAILED: {
    meaning: 'ONNX Runtime could not build or run the training graph for this model.',
    fix: 'Check the model shape is supported (Qwen2/Llama) and that memory suffices (try a smaller micro-batch or checkpointLayers); report the message otherwise.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
