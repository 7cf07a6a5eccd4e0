/**
 * Picks the TensorFlow.js engine: tfjs-node-gpu (CUDA) > tfjs-node > wasm (SIMD, 1 thread) > cpu.
 * The native engines are optional peers, imported dynamically so a machine without their
 * binaries (this one: libtensorflow cannot be downloaded) still loads the package.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type Device, type DeviceInfo } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import { registerWasmFusedAdamW } from './wasm-adamw.js';
import { registerWasmSegmentSum } from './wasm-segment-sum.js';
import { registerWasmSlice } from './wasm-slice.js';

const NATIVE_MODULES: Record<string, string> = {
  cuda: '@tensorflow/tfjs-node-gpu',
  'tfjs-node': '@tensorflow/tfjs-node',
};
const PREFERENCE: Device[] = ['cuda', 'tfjs-node', 'wasm', 'cpu'];

let probed: Promise<DeviceInfo[]> | undefined;

/**
 * The native packages install without their addon when their download fails (offline CI);
 * importing them then half-registers kernels before throwing, so look for the addon first.
 */
function nativeAddonMissing(moduleName: string): string | undefined {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve(`${moduleName}/package.json`));
  } catch {
    return `${moduleName} is not installed`;
  }
  const lib = join(root, 'lib');
  const found = existsSync(lib) && readdirSync(lib).some((d) => existsSync(join(lib, d, 'tfjs_binding.node')));
  return found ? undefined : `${moduleName} is installed without its native addon (lib/*/tfjs_binding.node)`;
}

async function probeNative(device: string, moduleName: string): Promise<DeviceInfo> {
  const missing = nativeAddonMissing(moduleName);
  if (missing) return { device, engine: moduleName, available: false, detail: missing };
  try {
    await import(moduleName);
    // tfjs-node registers 'tensorflow'; the GPU build registers the same name with CUDA kernels.
    return { device, engine: moduleName, available: tf.findBackend('tensorflow') !== undefined };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { device, engine: moduleName, available: false, detail: reason };
  }
}

async function probeWasm(): Promise<DeviceInfo> {
  const engine = 'tfjs-backend-wasm (SIMD, 1 thread)';
  try {
    const require = createRequire(import.meta.url);
    setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
    return { device: 'wasm', engine, available: tf.findBackendFactory('wasm') !== undefined };
  } catch (error) {
    return { device: 'wasm', engine, available: false, detail: String(error) };
  }
}

/** The devices this machine offers, best first; probed once per process. */
export function devices(): Promise<DeviceInfo[]> {
  probed ??= (async () => [
    await probeNative('cuda', NATIVE_MODULES.cuda!),
    await probeNative('tfjs-node', NATIVE_MODULES['tfjs-node']!),
    await probeWasm(),
    { device: 'cpu', engine: 'tfjs-backend-cpu (pure JS)', available: true },
  ])();
  return probed;
}

const BACKEND_NAME: Record<string, string> = { cuda: 'tensorflow', 'tfjs-node': 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

/** Activates the requested (or best available) device and returns what is now running. */
export async function activateDevice(requested?: Device): Promise<DeviceInfo> {
  const found = await devices();
  const wanted = requested ?? PREFERENCE.find((d) => found.some((f) => f.device === d && f.available));
  const info = found.find((f) => f.device === wanted);
  if (!info || !info.available) {
    const list = found.map((f) => `${f.device}: ${f.available ? 'available' : `unavailable (${f.detail ?? 'not found'})`}`);
    throw new UserError(
      `The tfjs backend cannot use device "${String(requested)}". Devices on this machine: ${list.join('; ')}. ` +
        `Pick one of the available devices with --device, or install the package that provides it ` +
        `(@tensorflow/tfjs-node-gpu for cuda, @tensorflow/tfjs-node for tfjs-node).`,
      'PA_DEVICE_UNAVAILABLE',
    );
  }
  const backend = BACKEND_NAME[info.device] ?? info.device;
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`tfjs could not initialise backend "${backend}" for device ${info.device}`);
  }
  await tf.ready();
  if (backend === 'wasm') {
    registerWasmSegmentSum();
    registerWasmFusedAdamW();
    registerWasmSlice();
  }
  return info;
}
