/**
 * Which ONNX Runtime execution providers this machine can use. onnxruntime-node 1.30 bundles
 * the CPU EP and, on Linux x64 (and Windows, macOS), an experimental WebGPU EP (Dawn; on Linux
 * it needs a GPU with a Vulkan driver); the CUDA EP needs `libonnxruntime_providers_cuda.so`,
 * which the package's install script downloads only when install scripts run (see README, "CUDA").
 */
import type { DeviceInfo } from '@prompt-aug/plugin-api';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { listSupportedBackends } from 'onnxruntime-node';
import { providerStartFailure } from './provider-probe.js';

const require = createRequire(import.meta.url);

/** The devices backend-ort accepts, by the EP each one selects. */
export const ORT_DEVICES = ['cpu', 'cuda', 'webgpu'] as const;
export type OrtDevice = (typeof ORT_DEVICES)[number];

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

/** Whether this build of onnxruntime-node has the WebGPU EP compiled in (not whether a GPU is there). */
export function webgpuProviderBundled(): boolean {
  return listSupportedBackends().some((b) => b.name === 'webgpu' && b.bundled);
}

const UNTESTED = 'not tested on a GPU, this project has none to test on';

export async function detectDevices(): Promise<DeviceInfo[]> {
  const cuda = cudaProviderInstalled();
  // The WebGPU EP is in the tarball; whether it starts (finds a GPU adapter) is only known by trying.
  const webgpuFailure = webgpuProviderBundled() ? await providerStartFailure('webgpu') : 'this onnxruntime-node build has no WebGPU EP';
  const devices: DeviceInfo[] = [
    {
      device: 'cuda',
      engine: 'onnxruntime-node CUDA EP',
      available: cuda,
      detail: cuda
        ? `libonnxruntime_providers_cuda.so found; a CUDA 12 driver and cuDNN 9 are still needed at run time; generate, score and train (float32 graphs in standard ops; ${UNTESTED})`
        : 'CUDA provider libraries not installed (reinstall onnxruntime-node with its install script enabled)',
    },
    {
      device: 'webgpu',
      engine: 'onnxruntime-node WebGPU EP (experimental)',
      available: webgpuFailure === null,
      detail: webgpuFailure === null
        ? `a WebGPU adapter was found; generate, score and train (float32 graphs in standard ops, CPU EP for unsupported nodes; ${UNTESTED})`
        : `bundled, but it cannot start here: ${webgpuFailure}. It needs a GPU and, on Linux, its Vulkan driver; ${UNTESTED}`,
    },
    { device: 'cpu', engine: 'onnxruntime-node CPU EP', available: true, detail: `generate, score and train (float32; ${defaultIntraOpThreads()} threads per operator by default, all cores)` },
  ];
  // Best first: an available CUDA, then an available WebGPU, then CPU.
  return devices.sort((a, b) => Number(b.available) - Number(a.available));
}

/** Provider list for a requested device; CPU is always the fallback for nodes the EP does not support. */
export function executionProvidersFor(device: string): string[] {
  return device === 'cuda' ? ['cuda', 'cpu'] : device === 'webgpu' ? ['webgpu', 'cpu'] : ['cpu'];
}

/** Threads per operator when the caller sets none: every core Node may use (ORT's own default counts physical cores only). */
export function defaultIntraOpThreads(): number {
  return availableParallelism();
}
