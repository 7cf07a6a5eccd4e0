/**
 * `Slice` for the wasm backend without its quadratic cost. tfjs-backend-wasm 4.22's Slice
 * copies the WHOLE input out of the wasm heap (`readSync`) before cutting the piece, so
 * slicing a [64, m, k] tensor into 64 matrices copies it 64 times: profiled at over 90% of a
 * small model's train step. This kernel reads through a view of the heap and copies only the
 * slice, in runs of the innermost contiguous dimensions.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

let registered = false;

export function registerWasmSlice(): void {
  if (registered) return;
  registered = true;
  const previous = tf.getKernel('Slice', 'wasm');
  if (previous) tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({
    kernelName: 'Slice',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const x = inputs.x as tf.TensorInfo;
      if (x.dtype === 'string' && previous) return previous.kernelFunc({ inputs, attrs, backend });
      const wasm = backend as unknown as WasmBackendLike;
      const [begin, size] = tf.slice_util.parseSliceParams(x as tf.Tensor, attrs!.begin as number[], attrs!.size as number[]) as [number[], number[]];
      const out = wasm.makeOutput(size, x.dtype);
      // Views after the allocation: growing the heap detaches earlier views.
      copySlice(wasm.typedArrayFromHeap(x), x.shape, begin, size, wasm.typedArrayFromHeap(out));
      return out;
    },
  });
}

/** Copy the box `begin`..`begin+size` of a row-major array of `shape` into `out`. */
export function copySlice(src: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }, shape: readonly number[], begin: readonly number[], size: readonly number[], out: { set(a: ArrayLike<number>, offset: number): void }): void {
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let stride = 1;
  for (let d = rank - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d]!;
  }
  // The innermost dimensions taken whole form one contiguous run together with the next one.
  let runDims = rank;
  let run = 1;
  for (let d = rank - 1; d >= 0; d--) {
    runDims = d;
    run *= size[d]!;
    if (size[d] !== shape[d]) break;
  }
  const outer = size.slice(0, runDims);
  const count = outer.reduce((a, b) => a * b, 1);
  const index = new Array<number>(runDims).fill(0);
  let written = 0;
  for (let i = 0; i < count; i++) {
    let offset = 0;
    for (let d = 0; d < runDims; d++) offset += (begin[d]! + index[d]!) * strides[d]!;
    offset += begin[runDims]! * strides[runDims]!;
    out.set(src.subarray(offset, offset + run), written);
    written += run;
    for (let d = runDims - 1; d >= 0; d--) {
      if (++index[d]! < outer[d]!) break;
      index[d] = 0;
    }
  }
}
