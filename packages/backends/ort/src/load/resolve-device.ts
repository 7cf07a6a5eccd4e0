/** The device a load call runs on: the requested one if usable, else the best found. */
import { UserError } from '@prompt-aug/core';
import { cudaProviderInstalled, ORT_DEVICES, type OrtDevice } from '../session/execution-providers.js';
import { providerStartFailure } from '../session/provider-probe.js';

/** The requested device, checked by name; with none, CUDA where its libraries are installed, else CPU (WebGPU only when asked for). */
export function resolveDevice(requested: string | undefined): OrtDevice {
  if (requested === undefined) return cudaProviderInstalled() ? 'cuda' : 'cpu';
  if (requested === 'cuda' && !cudaProviderInstalled()) {
    throw new UserError(
      'device "cuda" was requested but onnxruntime-node has no CUDA provider libraries installed (its install script, which downloads them, is off by default in this workspace). ' +
        'Allow it with pnpm `allowBuilds: { "onnxruntime-node": true }` (or `npm rebuild onnxruntime-node` with ONNXRUNTIME_NODE_INSTALL unset) on a machine with CUDA 12 and cuDNN 9, or use device "cpu".',
      'PA_ORT_NO_CUDA',
    );
  }
  if ((ORT_DEVICES as readonly string[]).includes(requested)) return requested as OrtDevice;
  throw new UserError(`backend-ort runs on device "cpu", "cuda" or "webgpu"; got ${JSON.stringify(requested)}. Pass one of those with --device (pa doctor shows which this machine has).`, 'PA_ORT_BAD_DEVICE');
}

const NEEDS: Record<Exclude<OrtDevice, 'cpu'>, string> = {
  cuda: 'The CUDA EP needs an NVIDIA GPU with a CUDA 12 driver and cuDNN 9 on the library path.',
  webgpu: "The WebGPU EP (experimental in onnxruntime-node) needs a GPU and its driver: on Linux, a Vulkan driver (libvulkan.so.1) for the GPU.",
};

/** A GPU device's EP must start before any model is loaded; if it cannot, one paragraph says why and what to do. */
export async function ensureDeviceStarts(device: OrtDevice): Promise<void> {
  if (device === 'cpu') return;
  const failure = await providerStartFailure(device);
  if (failure === null) return;
  throw new UserError(
    `device "${device}" was requested but ONNX Runtime's ${device === 'cuda' ? 'CUDA' : 'WebGPU'} execution provider could not start on this machine: ${failure}. ${NEEDS[device]} ` +
      `Training and generation on ${device} have not been tested on a GPU (this project has none to test on). Run on the CPU instead with --device cpu (all cores), or see pa doctor for the devices backend-ort found.`,
    'PA_ORT_DEVICE_UNAVAILABLE',
  );
}
