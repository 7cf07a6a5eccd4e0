/**
 * `UnsortedSegmentSum` for the wasm backend, which lacks it. It is the gradient of
 * `tf.gather` (the embedding lookup), so without it no model with an embedding can train on
 * wasm. A scatter-add loop over the wasm heap is O(N·H) — the minimum — whereas the
 * one-hot alternative `matMul(oneHot(ids)ᵀ, dy)` costs O(N·V·H) (see bench/).
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

let registered = false;

export function registerWasmSegmentSum(): void {
  if (registered || tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  registered = true;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const x = inputs.x as tf.TensorInfo;
      const segmentIds = inputs.segmentIds as tf.TensorInfo;
      const numSegments = attrs!.numSegments as number;
      if (x.dtype !== 'float32') throw new Error(`UnsortedSegmentSum(wasm): float32 only, got ${x.dtype}`);
      const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
      const width = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], 'float32');
      // Views are taken after the allocation: growing the heap detaches earlier views.
      const outData = wasm.typedArrayFromHeap(out) as Float32Array;
      const xData = wasm.typedArrayFromHeap(x) as Float32Array;
      const ids = wasm.typedArrayFromHeap(segmentIds);
      outData.fill(0);
      for (let r = 0; r < rows; r++) {
        const seg = ids[r]!;
        if (seg < 0 || seg >= numSegments) continue; // TF semantics: out-of-range ids are dropped
        const src = r * width;
        const dst = seg * width;
        for (let c = 0; c < width; c++) outData[dst + c] = outData[dst + c]! + xData[src + c]!;
      }
      return out;
    },
  });
}
