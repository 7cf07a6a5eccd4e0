/** updateWeights swaps the weights of a live policy, from a folder or a name -> data map. */
import { type Policy } from '@prompt-aug/plugin-api';
import { isUserError } from '@prompt-aug/core';
import { writeTinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { leftPad, maxAbsDiff } from './helpers/sessions.js';
import { tempDir } from './helpers/tiny.js';

const OPTIONS = { hiddenSize: 32, numAttentionHeads: 4, numKeyValueHeads: 2, initStd: 0.2 };
const INPUT = leftPad([[5, 17, 42], [7, 8]]);

describe.each([false, true])('updateWeights (fused %s)', (fused) => {
  let policy: Policy;
  let dirA: string;
  let dirB: string;
  let logitsA: Float32Array;
  let logitsB: Float32Array;
  let weightsA: Map<string, Float32Array>;
  beforeAll(async () => {
    const a = await writeTinyModel(tempDir(), { ...OPTIONS, seed: 1 });
    const b = await writeTinyModel(tempDir(), { ...OPTIONS, seed: 2 });
    [dirA, dirB] = [a.dir, b.dir];
    weightsA = new Map([...a.weights].map(([name, t]) => [name, t.data]));
    for (const [dir, set] of [[dirB, (l: Float32Array) => (logitsB = l)], [dirA, (l: Float32Array) => (logitsA = l)]] as const) {
      const fresh = await backend.load({ modelDir: dir, fused });
      set((await fresh.forward(INPUT)).logits);
      await fresh.dispose();
    }
    policy = await backend.load({ modelDir: dirA, fused });
  });
  afterAll(() => policy.dispose());

  test('from a model folder, then back from a Map', async () => {
    expect(maxAbsDiff((await policy.forward(INPUT)).logits, logitsA)).toBeLessThan(1e-5);
    await policy.updateWeights!(dirB);
    expect(maxAbsDiff((await policy.forward(INPUT)).logits, logitsB)).toBeLessThan(1e-5);
    await policy.updateWeights!(weightsA);
    expect(maxAbsDiff((await policy.forward(INPUT)).logits, logitsA)).toBeLessThan(1e-5);
  });

  test('an incomplete map is a UserError and leaves the policy working', async () => {
    const partial = new Map(weightsA);
    partial.delete('model.norm.weight');
    const error = await policy.updateWeights!(partial).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('missing model.norm.weight');
    expect((await policy.forward(INPUT)).shape[0]).toBe(2);
  });
});
