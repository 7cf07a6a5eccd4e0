import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createAdamWState, OptimizerSessions, type AdamWKernel } from '../src/train/adamw-state.js';

const settings = { device: 'cpu', intraOpNumThreads: 1 };

for (const kernel of ['wasm', 'graph'] as AdamWKernel[]) describe(`AdamW, ${kernel} kernel (torch.optim.AdamW semantics)`, () => {
  it('two steps match hand-worked numbers', async () => {
    // lr 0.1, wd 0.01, betas (0.9, 0.999), eps 1e-8; p0 = [1, −2, 0.5], g1 = [0.5, −0.1, 0], g2 = [−0.3, 0.2, 0.001].
    // Step 1, p[0]: 1·(1 − 0.001) − 0.1 · (0.05/0.1) / (√(0.00025/0.001) + 1e-8) = 0.899000002; p[2] (g = 0): 0.5 · 0.999 = 0.4995.
    // Step 2, p[0]: 0.899000002·0.999 = 0.898101002; m = 0.015; v = 0.00033975; m̂ = 0.0789474; √v̂ = 0.412262 → 0.878951199.
    const optimizer = await OptimizerSessions.create([{ name: 'w', dims: [3], hfName: 'w', transposed: false }], settings, { kernel });
    const params = new Map([['w', new Tensor('float32', Float32Array.of(1, -2, 0.5), [3])]]);
    const state = createAdamWState();
    const config = { lr: 0.1, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weightDecay: 0.01, gradClip: 1 };
    await optimizer.step(state, params, new Map([['w', new Tensor('float32', Float32Array.of(0.5, -0.1, 0), [3])]]), config, 1);
    const after1 = Array.from(params.get('w')!.data as Float32Array);
    expect(after1[0]).toBeCloseTo(0.899000002, 6);
    expect(after1[1]).toBeCloseTo(-1.89800001, 6);
    expect(after1[2]).toBeCloseTo(0.4995, 7);
    await optimizer.step(state, params, new Map([['w', new Tensor('float32', Float32Array.of(-0.3, 0.2, 0.001), [3])]]), config, 1);
    const after2 = Array.from(params.get('w')!.data as Float32Array);
    expect(after2[0]).toBeCloseTo(0.878951199, 6);
    expect(after2[1]).toBeCloseTo(-1.93271236, 6);
    expect(after2[2]).toBeCloseTo(0.42458787, 6);
    expect(Array.from(state.expAvg.get('w')!.data as Float32Array).map((x) => +x.toFixed(7))).toEqual([0.015, 0.011, 0.0001]);
    expect((state.expAvgSq.get('w')!.data as Float32Array)[0]).toBeCloseTo(0.00033975, 9);
    expect(state.step).toBe(2);
    await optimizer.dispose();
  });

  it('the global norm is the 2-norm over all gradients, and grad_scale scales them before the moments', async () => {
    const params = [
      { name: 'a', dims: [2], hfName: 'a', transposed: false },
      { name: 'b', dims: [1], hfName: 'b', transposed: false },
    ];
    const optimizer = await OptimizerSessions.create(params, settings, { kernel });
    // ‖[3, 4]‖² + ‖[12]‖² = 169 → norm 13.
    const grads = new Map([
      ['a', new Tensor('float32', Float32Array.of(3, 4), [2])],
      ['b', new Tensor('float32', Float32Array.of(12), [1])],
    ]);
    expect(await optimizer.gradNorm(grads)).toBeCloseTo(13, 5);
    const state = createAdamWState();
    const weights = new Map([
      ['a', new Tensor('float32', Float32Array.of(0, 0), [2])],
      ['b', new Tensor('float32', Float32Array.of(0), [1])],
    ]);
    const scale = 1 / (13 + 1e-6);
    await optimizer.step(state, weights, grads, { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, gradClip: 1 }, scale);
    expect((state.expAvg.get('a')!.data as Float32Array)[1]).toBeCloseTo(0.1 * 4 * scale, 7);
    expect((state.expAvgSq.get('b')!.data as Float32Array)[0]).toBeCloseTo(0.001 * (12 * scale) ** 2, 9);
    expect(await optimizer.gradNorm(new Map([['a', new Tensor('float32', Float32Array.of(Infinity, 0), [2])], ['b', grads.get('b')!]]))).toBe(Infinity);
    await optimizer.dispose();
  });

  it('runs chunk by chunk over each tensor: a 7-element tensor in chunks of 2 moves as the float64 formula says, in place', async () => {
    // torch.optim.AdamW written out in float64, element by element (the independent reference).
    const torchAdamW = (p: number[], grads: number[][], lr: number, wd: number, b1: number, b2: number, eps: number) => {
      const m = p.map(() => 0);
      const v = p.map(() => 0);
      grads.forEach((g, t) => {
        for (let i = 0; i < p.length; i++) {
          p[i]! *= 1 - lr * wd;
          m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
          v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
          const denom = Math.sqrt(v[i]!) / Math.sqrt(1 - b2 ** (t + 1)) + eps;
          p[i]! -= (lr / (1 - b1 ** (t + 1))) * (m[i]! / denom);
        }
      });
      return { p, m, v };
    };
    const p0 = [0.3, -1.2, 2, 0.05, -0.7, 1.1, 0];
    const steps = [
      [0.2, -0.4, 0.01, 0, 1.5, -0.3, 0.08],
      [-0.1, 0.3, 0.02, -0.5, 0.9, 0.4, -0.06],
    ];
    const optimizer = await OptimizerSessions.create([{ name: 'w', dims: [7], hfName: 'w', transposed: false }], settings, { kernel, chunk: 2 });
    const weights = new Float32Array(p0);
    const params = new Map([['w', new Tensor('float32', weights, [7])]]);
    const state = createAdamWState();
    const config = { lr: 0.05, betas: [0.8, 0.99] as [number, number], eps: 1e-8, weightDecay: 0.1, gradClip: 1 };
    for (const g of steps) await optimizer.step(state, params, new Map([['w', new Tensor('float32', Float32Array.from(g), [7])]]), config, 1);
    const expected = torchAdamW([...p0], steps, 0.05, 0.1, 0.8, 0.99, 1e-8);
    expect(params.get('w')!.data).toBe(weights); // updated in its own buffer
    Array.from(weights).forEach((x, i) => expect(x).toBeCloseTo(expected.p[i]!, 6));
    Array.from(state.expAvg.get('w')!.data as Float32Array).forEach((x, i) => expect(x).toBeCloseTo(expected.m[i]!, 7));
    Array.from(state.expAvgSq.get('w')!.data as Float32Array).forEach((x, i) => expect(x).toBeCloseTo(expected.v[i]!, 8));
    await optimizer.dispose();
  });
});
