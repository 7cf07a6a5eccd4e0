/** The BackendPlugin object this package default-exports. */
import type { BackendPlugin } from '@prompt-aug/plugin-api';
import { createRequire } from 'node:module';
import { loadServerPolicy } from './load-policy.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export const serverBackend: BackendPlugin = {
  kind: 'backend',
  name: 'backend-server',
  version,
  apiVersion: 1,
  description: 'Rollouts on inference servers (vLLM, SGLang, pa serve, OpenAI-compatible): generation over HTTP, weights synced through a shared folder; no local weights',
  // The servers generate; scoring and training stay with the trainer's own backend.
  capabilities: { generate: true, score: false, train: false },
  devices: async () => [{ device: 'http', engine: 'inference servers over HTTP (vLLM /v1/completions, SGLang /generate)', available: true }],
  load: loadServerPolicy,
};
