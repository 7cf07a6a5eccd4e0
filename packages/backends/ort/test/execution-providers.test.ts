/**
 * Devices and execution providers: `webgpu` selects ONNX Runtime's WebGPU EP (CPU EP behind it),
 * and when that EP cannot start (this project's machines have no GPU) loading stops with one
 * paragraph naming the device and the fix. Whether it can start is asked of ORT directly here,
 * not through the code under test; on a machine where it starts, the policy must run on it.
 */
import { isUserError } from '@prompt-aug/core';
import { InferenceSession, listSupportedBackends } from 'onnxruntime-node';
import { availableParallelism } from 'node:os';
import { describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { buildScorerModel } from '../src/onnx/scorer-graph.js';
import { executionProvidersFor } from '../src/session/execution-providers.js';
import { nativeWarning, ortReason } from '../src/session/provider-probe.js';
import { sessionOptions } from '../src/session/session-options.js';
import { tinyModel } from './helpers/tiny.js';

/** null if ORT opens a session on the WebGPU EP alone, else its error. */
async function webgpuStartError(): Promise<Error | null> {
  try {
    const session = await InferenceSession.create(buildScorerModel(), { executionProviders: ['webgpu'] });
    await session.release();
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('backend-ort execution providers', () => {
  test('each device maps to its EP with the CPU EP behind it; CPU uses every core unless told otherwise', () => {
    expect(executionProvidersFor('webgpu')).toEqual(['webgpu', 'cpu']);
    expect(executionProvidersFor('cuda')).toEqual(['cuda', 'cpu']);
    expect(executionProvidersFor('cpu')).toEqual(['cpu']);
    expect(sessionOptions({ device: 'cpu' })).toMatchObject({ executionProviders: ['cpu'], intraOpNumThreads: availableParallelism() });
    expect(sessionOptions({ device: 'webgpu', intraOpNumThreads: 1 })).toMatchObject({ executionProviders: ['webgpu', 'cpu'], intraOpNumThreads: 1 });
  });

  test('onnxruntime-node 1.30 bundles the WebGPU EP on this platform, and pa doctor reports whether it starts here', async () => {
    expect(listSupportedBackends()).toContainEqual({ name: 'webgpu', bundled: true });
    const startError = await webgpuStartError();
    const devices = await backend.devices();
    expect(devices.map((d) => d.device).sort()).toEqual(['cpu', 'cuda', 'webgpu']);
    const webgpu = devices.find((d) => d.device === 'webgpu')!;
    expect(webgpu.available).toBe(startError === null);
    expect(webgpu.detail).toContain('not tested on a GPU');
    if (startError) expect(webgpu.detail).toContain(ortReason(startError));
  });

  test('--device webgpu: a UserError naming the device and the fix where the EP cannot start; a working policy where it can', async () => {
    const model = await tinyModel();
    const startError = await webgpuStartError();
    const loaded = await backend.load({ modelDir: model.dir, device: 'webgpu' }).catch((e: unknown) => e);
    if (startError) {
      // This machine (no GPU): ORT's own reason, the device, the fix, and no source path of ORT's.
      expect(isUserError(loaded), String(loaded)).toBe(true);
      const error = loaded as Error & { code: string };
      expect(error.code).toBe('PA_ORT_DEVICE_UNAVAILABLE');
      expect(error.message).toMatch(/^device "webgpu" was requested but ONNX Runtime's WebGPU execution provider could not start on this machine: /);
      expect(error.message).toContain(ortReason(startError));
      expect(error.message).toContain('--device cpu');
      expect(error.message).not.toMatch(/onnxruntime_src|\.cc:\d+/);
      expect(error.message).not.toContain('\n');
    } else {
      // A machine with a GPU: the policy runs there and decodes greedily as the CPU EP does.
      expect(isUserError(loaded), String(loaded)).toBe(false);
      const gpu = loaded as Awaited<ReturnType<typeof backend.load>>;
      const cpu = await backend.load({ modelDir: model.dir, device: 'cpu' });
      expect(gpu.info.device).toBe('webgpu');
      const input = { inputIds: [[1, 2, 3]], attentionMask: [[1, 1, 1]], maxNewTokens: 4, eosTokenIds: [] };
      expect((await gpu.generate(input)).tokens).toEqual((await cpu.generate(input)).tokens);
      await Promise.all([gpu.dispose(), cpu.dispose()]);
    }
  });

  test("ORT's reasons are shortened to their readable part", () => {
    const raw = '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 onnxruntime::webgpu::WebGpuContext::Initialize(...)::<lambda()> adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters\n';
    expect(ortReason(new Error(raw))).toBe('Failed to get a WebGPU adapter: No supported adapters');
    expect(ortReason(new Error('/src/x.cc:12 plain failure'))).toBe('plain failure');
    expect(ortReason('')).toBe('no reason given');
    const dawn = "Warning: Couldn't load Vulkan: libvulkan.so.1: cannot open shared object file: No such file or directory\n    at operator() (/build/Release/_deps/dawn-src/src/dawn/native/vulkan/BackendVk.cpp:368)\n";
    expect(nativeWarning(dawn)).toBe("Couldn't load Vulkan: libvulkan.so.1: cannot open shared object file: No such file or directory");
    expect(nativeWarning('\u001b[31mWarning: \u001b[2Jx\n')).toBeNull(); // not at the start of its line
    expect(nativeWarning('Warning: bell\u0007 and \u001b[2J clear')).toBe('bell and [2J clear');
    expect(nativeWarning('')).toBeNull();
  });
});
