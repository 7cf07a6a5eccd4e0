/** The device a load call runs on: the requested one if usable, else the best found. */
import { UserError } from '@prompt-aug/core';
import { cudaProviderInstalled } from '../session/execution-providers.js';

export function resolveDevice(requested: string | undefined): 'cpu' | 'cuda' {
  if (requested === undefined) return cudaProviderInstalled() ? 'cuda' : 'cpu';
  if (requested === 'cpu') return 'cpu';
  if (requested === 'cuda') {
    if (cudaProviderInstalled()) return 'cuda';
    throw new UserError(
      'device "cuda" was requested but onnxruntime-node has no CUDA provider libraries installed (its install script, which downloads them, is off by default in this workspace). ' +
        'Allow it with pnpm `allowBuilds: { "onnxruntime-node": true }` (or `npm rebuild onnxruntime-node` with ONNXRUNTIME_NODE_INSTALL unset) on a machine with CUDA 12 and cuDNN 9, or use device "cpu".',
      'PA_ORT_NO_CUDA',
    );
  }
  throw new UserError(`backend-ort runs on device "cpu" or "cuda"; got "${requested}".`, 'PA_ORT_BAD_DEVICE');
}
