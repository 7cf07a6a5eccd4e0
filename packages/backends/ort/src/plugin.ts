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
  description: 'ONNX Runtime (onnxruntime-node): ONNX graphs built from Hugging Face checkpoints; fast generation and scoring, no training',
  // onnxruntime-node has no training API, so this backend generates and scores only.
  capabilities: { generate: true, score: true, train: false },
  devices: async () => detectDevices(),
  load: loadOrtPolicy,
};
