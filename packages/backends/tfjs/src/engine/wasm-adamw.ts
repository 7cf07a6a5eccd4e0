/**
 * A fused AdamW update for the wasm backend: one pass over parameter, gradient and both
 * moments in place of ~10 elementwise kernels, each a full pass over memory (measured for
 * 19.3M parameters: 209 ms → 130 ms). Same arithmetic as train/adamw.ts (torch's order).
 */
import * as tf from '@tensorflow/tfjs';

export const FUSED_ADAMW = 'PromptAugFusedAdamW';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

export interface FusedAdamWAttrs {
  decay: number;
  beta1: number;
  beta2: number;
  stepSize: number;
  bc2Sqrt: number;
  eps: number;
}

let registered = false;

export function registerWasmFusedAdamW(): void {
  if (registered || tf.getKernel(FUSED_ADAMW, 'wasm')) return;
  registered = true;
  tf.registerKernel({
    kernelName: FUSED_ADAMW,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const a = attrs as unknown as FusedAdamWAttrs;
      const shape = (inputs.param as tf.TensorInfo).shape;
      const outs = [wasm.makeOutput(shape, 'float32'), wasm.makeOutput(shape, 'float32'), wasm.makeOutput(shape, 'float32')];
      // Views after every allocation: growing the heap detaches earlier ones.
      const [p, g, m, v] = (['param', 'grad', 'expAvg', 'expAvgSq'] as const).map((k) => wasm.typedArrayFromHeap(inputs[k] as tf.TensorInfo));
      const [np, nm, nv] = outs.map((o) => wasm.typedArrayFromHeap(o));
      const n = p!.length;
      for (let i = 0; i < n; i++) {
        const gi = g![i]!;
        const mi = a.beta1 * m![i]! + (1 - a.beta1) * gi;
        const vi = a.beta2 * v![i]! + (1 - a.beta2) * gi * gi;
        nm![i] = mi;
        nv![i] = vi;
        np![i] = p![i]! * a.decay - (a.stepSize * mi) / (Math.sqrt(vi) / a.bc2Sqrt + a.eps);
      }
      return outs;
    },
  });
}
