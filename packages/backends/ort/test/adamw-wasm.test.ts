/**
 * The WebAssembly AdamW kernel against the ONNX AdamW graph: the same bits on tensors whose
 * sizes are not multiples of the SIMD width or of the chunk, over steps with clipping; and the
 * committed module is what adamw.wat compiles to.
 */
import { SeededRandom } from '@prompt-aug/core';
import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { compileAdamWKernel } from '../scripts/build-adamw-wasm.mjs';
import { createAdamWState, OptimizerSessions, type AdamWKernel } from '../src/train/adamw-state.js';
import { ADAMW_WASM_BASE64 } from '../src/train/wasm/adamw-module.js';

const settings = { device: 'cpu', intraOpNumThreads: 2 };
const params = [
  { name: 'a', dims: [1031], hfName: 'a', transposed: false },
  { name: 'b', dims: [3], hfName: 'b', transposed: false },
  { name: 'c', dims: [64, 17], hfName: 'c', transposed: false },
];
const size = (dims: number[]) => dims.reduce((x, y) => x * y, 1);

async function threeSteps(kernel: AdamWKernel): Promise<Float32Array[]> {
  const rng = new SeededRandom(5);
  const optimizer = await OptimizerSessions.create(params, settings, { kernel, chunk: 100 });
  const weights = new Map(params.map((p) => [p.name, new Tensor('float32', Float32Array.from({ length: size(p.dims) }, () => rng.normal()), p.dims)]));
  const state = createAdamWState();
  const config = { lr: 3e-3, betas: [0.9, 0.95] as [number, number], eps: 1e-8, weightDecay: 0.1, gradClip: 1 };
  for (const scale of [1, 0.37, 0.0021]) {
    // Gradients spanning many magnitudes (and exact zeros) exercise sqrt and division.
    const grads = new Map(params.map((p) => [p.name, new Tensor('float32', Float32Array.from({ length: size(p.dims) }, (_, i) => (i % 11 === 0 ? 0 : rng.normal() * 10 ** rng.int(7) * 1e-4)), p.dims)]));
    await optimizer.step(state, weights, grads, config, scale);
  }
  await optimizer.dispose();
  return params.flatMap((p) => [weights.get(p.name)!, state.expAvg.get(p.name)!, state.expAvgSq.get(p.name)!].map((t) => t.data as Float32Array));
}

describe('WebAssembly AdamW kernel', () => {
  it('gives the ONNX graph’s bits, SIMD lanes, scalar tail and chunk edges alike', async () => {
    const [wasm, graph] = [await threeSteps('wasm'), await threeSteps('graph')];
    wasm.forEach((array, i) => {
      expect(array.some((x, j) => x !== graph[i]![j])).toBe(false);
      expect(array.every(Number.isFinite)).toBe(true);
    });
  });

  it('the committed module is adamw.wat compiled (run node scripts/build-adamw-wasm.mjs after editing it)', async () => {
    expect(await compileAdamWKernel()).toBe(ADAMW_WASM_BASE64);
  });
});
