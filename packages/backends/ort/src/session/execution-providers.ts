/**
 * Which ONNX Runtime execution providers this machine can use. onnxruntime-node 1.30 bundles
 * the CPU EP; the CUDA EP needs `libonnxruntime_providers_cuda.so`, which the package's
 * install script downloads only when install scripts run (see README, "CUDA").
 */
import type { DeviceInfo } from '@prompt-aug/plugin-api';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder holding libonnxruntime.so and the provider libraries for this platform. */
function nativeBinaryDir(): string | null {
  try {
    const pkg = dirname(require.resolve('onnxruntime-node/package.json'));
    return join(pkg, 'bin', 'napi-v6', process.platform, process.arch);
  } catch {
    return null;
  }
}

export function cudaProviderInstalled(): boolean {
  const dir = nativeBinaryDir();
  return dir !== null && existsSync(join(dir, 'libonnxruntime_providers_cuda.so'));
}

export function detectDevices(): DeviceInfo[] {
  const cuda = cudaProviderInstalled();
  const devices: DeviceInfo[] = [
    {
      device: 'cuda',
      engine: 'onnxruntime-node CUDA EP',
      available: cuda,
      detail: cuda
        ? 'libonnxruntime_providers_cuda.so found; a CUDA 12 driver and cuDNN 9 are still needed at run time; generate, score and train (float32 graphs in standard ops, not yet tested on a GPU)'
        : 'CUDA provider libraries not installed (reinstall onnxruntime-node with its install script enabled)',
    },
    { device: 'cpu', engine: 'onnxruntime-node CPU EP', available: true, detail: `generate, score and train (float32; ${availableParallelism()} cores)` },
  ];
  // Best first: an available CUDA, then CPU.
  return devices.sort((a, b) => Number(b.available) - Number(a.available));
}

/** Provider list for a requested device; CPU is always the fallback for unsupported nodes. */
export function executionProvidersFor(device: string): string[] {
  return device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'];
}
