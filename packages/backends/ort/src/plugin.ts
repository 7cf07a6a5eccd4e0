/** The BackendPlugin object this package default-exports. */
import type { BackendPlugin } from '@prompt-aug/plugin-api';
import { createRequire } from 'node:module';
import { loadOrtPolicy } from './load/load-policy.js';
import { detectDevices } from './session/execution-providers.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export const ortBackend: BackendPlugin = {
  kind: 'backend',
  name: 'backend-ort',
  version,
  apiVersion: 1,
  description: 'ONNX Runtime (onnxruntime-node): ONNX graphs built from Hugging Face checkpoints; generation, scoring and GRPO training (the backward pass is ONNX graphs too)',
  // onnxruntime-node has no training API; the training step is graphs this package writes.
  capabilities: { generate: true, score: true, train: true },
  devices: async () => detectDevices(),
  load: loadOrtPolicy,
};
