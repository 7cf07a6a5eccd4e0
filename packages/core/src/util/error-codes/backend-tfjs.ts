import type { ErrorCodeEntry } from './entry.js';

/** tfjs backend: devices, memory and optimizer state. */
export const BACKEND_TFJS_CODES = {
  PA_DEVICE_UNAVAILABLE: {
    meaning: 'The tfjs backend cannot use the requested --device on this machine.',
    fix: 'Pick one of the devices the message lists, or install the package that provides it (@tensorflow/tfjs-node-gpu, @tensorflow/tfjs-node).',
  },
  PA_MODEL_TOO_LARGE: {
    meaning: 'The model has more parameters than the wasm engine can address (4 GiB).',
    fix: 'Use --device cuda or tfjs-node, the ort backend for generation, or a smaller model.',
  },
  PA_WASM_OUT_OF_MEMORY: {
    meaning: 'The wasm engine ran out of its 4 GiB of memory on a batch; it cannot continue in this process.',
    fix: 'Lower --micro-batch-size, rollout.batchSize or --max-response-tokens (or install tfjs-node), then rerun with --resume.',
  },
  PA_OPTIMIZER_STATE: {
    meaning: "A checkpoint's optimizer state was not written by this backend.",
    fix: 'Load the checkpoint with the backend that wrote it, or delete its trainer_state folder to start the optimizer afresh.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
