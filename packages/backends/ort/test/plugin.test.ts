/** The package's default export is a plain BackendPlugin, and load() checks its options. */
import { PLUGIN_API_VERSION } from '@prompt-aug/plugin-api';
import { isUserError } from '@prompt-aug/core';
import { describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { tinyModel } from './helpers/tiny.js';

describe('backend-ort plugin', () => {
  test('is a plain BackendPlugin object that cannot train', async () => {
    expect(backend).toMatchObject({ kind: 'backend', name: 'backend-ort', apiVersion: PLUGIN_API_VERSION, capabilities: { generate: true, score: true, train: true } });
    expect(backend.version).toMatch(/^\d+\.\d+\.\d+/);
    const devices = await backend.devices();
    expect(devices.find((d) => d.device === 'cpu')?.available).toBe(true);
    expect(devices.map((d) => d.device).sort()).toEqual(['cpu', 'cuda', 'webgpu']);
  });

  test('a loaded policy describes itself and can train', async () => {
    const model = await tinyModel();
    const policy = await backend.load({ modelDir: model.dir, device: 'cpu', intraOpNumThreads: 1 });
    expect(policy.info).toMatchObject({ backend: 'backend-ort', device: 'cpu', architecture: 'qwen2', vocabSize: model.config.vocabSize, eosTokenIds: model.config.eosTokenIds });
    const params = [...model.weights.values()].reduce((n, t) => n + t.data.length, 0);
    expect(policy.info.numParameters).toBe(params);
    expect(typeof policy.trainStep).toBe('function');
    expect(typeof policy.save).toBe('function');
    await policy.dispose();
  });

  test('bad options and devices are UserErrors', async () => {
    const model = await tinyModel();
    for (const options of [{ device: 'tpu' }, { fused: 'yes' }, { intraOpNumThreads: 0 }]) {
      const error = await backend.load({ modelDir: model.dir, ...options }).catch((e: unknown) => e);
      expect(isUserError(error), JSON.stringify(options)).toBe(true);
    }
    const missing = await backend.load({ modelDir: '/nonexistent/model' }).catch((e: unknown) => e);
    expect(isUserError(missing)).toBe(true);
    // This machine has no CUDA provider libraries, so asking for CUDA explains how to install them.
    const cuda = await backend.load({ modelDir: model.dir, device: 'cuda' }).catch((e: unknown) => e);
    expect(isUserError(cuda)).toBe(true);
    expect((cuda as Error).message).toMatch(/allowBuilds/);
  });
});
