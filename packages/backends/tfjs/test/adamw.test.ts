import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamWStep, createAdamWState, disposeAdamWState } from '../src/train/adamw.js';
import { clipGradients, globalGradNorm } from '../src/train/grad-clip.js';
import { activateDevice } from '../src/engine/select-engine.js';
import { useWasm } from './helpers/engine.js';

beforeAll(useWasm);

describe('AdamW (torch.optim.AdamW semantics)', () => {
  // wasm runs the fused kernel (engine/wasm-adamw.ts); cpu runs the tf-op implementation.
  it.each(['wasm', 'cpu'] as const)('two steps match hand-worked numbers (%s)', async (device) => {
    await activateDevice(device);
    // lr 0.1, wd 0.01, betas (0.9, 0.999), eps 1e-8; p0 = [1, −2, 0.5], g1 = [0.5, −0.1, 0], g2 = [−0.3, 0.2, 0.001].
    // Step 1, p[0]: 1·(1 − 0.001) − 0.1 · (0.05/0.1) / (√(0.00025/0.001) + 1e-8) = 0.999 − 0.1·0.5/0.50000001 = 0.899000002.
    //   p[2] has g = 0 so m = v = 0 and only the decay acts: 0.5 · 0.999 = 0.4995.
    // Step 2, p[0]: 0.899000002·0.999 = 0.898101002; m = 0.9·0.05 − 0.1·0.3 = 0.015; v = 0.999·0.00025 + 0.001·0.09 = 0.00033975;
    //   m̂ = 0.015/0.19 = 0.0789474; √v̂ = √(0.00033975/0.001999) = 0.412262; p = 0.898101 − 0.1·0.0789474/0.412262 = 0.878951199.
    const p = tf.variable(tf.tensor1d([1, -2, 0.5]));
    const params = new Map([['w', p]]);
    const state = createAdamWState();
    const config = { lr: 0.1, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weightDecay: 0.01, gradClip: 1 };
    const g1 = tf.tensor1d([0.5, -0.1, 0]);
    adamWStep(state, params, new Map([['w', g1]]), config);
    const after1 = Array.from(p.dataSync());
    expect(after1[0]).toBeCloseTo(0.899000002, 6);
    expect(after1[1]).toBeCloseTo(-1.89800001, 6);
    expect(after1[2]).toBeCloseTo(0.4995, 7);
    const g2 = tf.tensor1d([-0.3, 0.2, 0.001]);
    adamWStep(state, params, new Map([['w', g2]]), config);
    const after2 = Array.from(p.dataSync());
    expect(after2[0]).toBeCloseTo(0.878951199, 6);
    expect(after2[1]).toBeCloseTo(-1.93271236, 6);
    expect(after2[2]).toBeCloseTo(0.42458787, 6);
    expect(Array.from(state.expAvg.get('w')!.dataSync()).map((x) => +x.toFixed(7))).toEqual([0.015, 0.011, 0.0001]);
    expect(Array.from(state.expAvgSq.get('w')!.dataSync())[0]).toBeCloseTo(0.00033975, 9);
    expect(state.step).toBe(2);
    tf.dispose([p, g1, g2]);
    disposeAdamWState(state);
    await useWasm();
  });
});

describe('clip_grad_norm_ semantics', () => {
  it('uses the total 2-norm and scales by max_norm / (norm + 1e-6) only above max_norm', () => {
    // ‖[3, 4]‖² + ‖[12]‖² = 169 → norm 13.
    const grads = new Map<string, tf.Tensor>([['a', tf.tensor1d([3, 4])], ['b', tf.tensor1d([12])]]);
    const norm = globalGradNorm(grads);
    expect(norm).toBeCloseTo(13, 5);
    clipGradients(grads, norm, 1);
    const scale = 1 / (13 + 1e-6);
    expect(grads.get('a')!.dataSync()[1]).toBeCloseTo(4 * scale, 7);
    expect(grads.get('b')!.dataSync()[0]).toBeCloseTo(12 * scale, 7);
    const before = grads.get('a')!;
    clipGradients(grads, 0.5, 1); // below the limit: untouched
    expect(grads.get('a')).toBe(before);
    tf.dispose([...grads.values()]);
  });
});
