/** The backend plugin object: what `--backend tfjs` resolves to. */
import { createRequire } from 'node:module';
import type { BackendPlugin, LoadOptions, Policy } from '@prompt-aug/plugin-api';
import { activateDevice, devices } from './engine/select-engine.js';
import { TfjsPolicy } from './policy.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export const tfjsBackend: BackendPlugin = {
  kind: 'backend',
  name: 'backend-tfjs',
  version,
  apiVersion: 1,
  description: 'Qwen2/Llama in TensorFlow.js (tfjs-node-gpu, tfjs-node, wasm or cpu): generate, score and train',
  capabilities: { generate: true, score: true, train: true },
  devices,
  async load(options: LoadOptions): Promise<Policy> {
    const device = await activateDevice(options.device);
    // Extra option: checkpointLayers (boolean) trades ≈ +1/3 train compute for far less activation memory.
    return TfjsPolicy.load(options.modelDir, device, { loss: options.loss, optimizer: options.optimizer, checkpointLayers: options.checkpointLayers === true });
  },
};
