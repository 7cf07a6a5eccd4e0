/**
 * AdamW on the CPU as a WebAssembly SIMD kernel (adamw.wat): chunks of each weight, gradient
 * and moment are copied into the kernel's memory, updated there in one pass and copied back.
 * The ONNX graph streams its operands through memory once per op (~15 ops, memory-bound);
 * this touches each array once, about 3× faster on the 19M bench shape, with the same
 * operations in the same order and so the same bits.
 */
import { ADAMW_WASM_BASE64 } from './adamw-module.js';

/** The step's scalars in the order of OPTIMIZER_IO.scalars (as float32, like the graph's inputs). */
export type AdamWScalars = readonly number[];

type KernelFunction = (p: number, g: number, m: number, v: number, n: number, ...scalars: number[]) => void;

// The WebAssembly global as this file uses it (its types live in TypeScript's DOM lib, which a Node package does not load).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: WasmMemory; adamw: KernelFunction } };
};

/** Elements per copy: 256 KiB per array, so the four fit in L2 together. */
const DEFAULT_CHUNK = 1 << 16;

export class WasmAdamW {
  private constructor(
    private readonly kernel: KernelFunction,
    private readonly heap: Float32Array,
    private readonly chunk: number,
  ) {}

  static create(chunk: number = DEFAULT_CHUNK): WasmAdamW {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(ADAMW_WASM_BASE64, 'base64')));
    const memory = instance.exports.memory;
    const bytes = 4 * chunk * Float32Array.BYTES_PER_ELEMENT;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    return new WasmAdamW(instance.exports.adamw, new Float32Array(memory.buffer, 0, 4 * chunk), chunk);
  }

  /** Updates `param`, `expAvg` and `expAvgSq` in place from `grad`. */
  update(param: Float32Array, grad: Float32Array, expAvg: Float32Array, expAvgSq: Float32Array, scalars: AdamWScalars): void {
    const { heap, chunk } = this;
    const at = [0, chunk, 2 * chunk, 3 * chunk] as const;
    const arrays = [param, grad, expAvg, expAvgSq] as const;
    for (let start = 0; start < param.length; start += chunk) {
      const end = Math.min(param.length, start + chunk);
      const n = end - start;
      arrays.forEach((array, i) => heap.set(array.subarray(start, end), at[i]));
      this.kernel(at[0] * 4, at[1] * 4, at[2] * 4, at[3] * 4, n, ...scalars);
      param.set(heap.subarray(at[0], at[0] + n), start);
      expAvg.set(heap.subarray(at[2], at[2] + n), start);
      expAvgSq.set(heap.subarray(at[3], at[3] + n), start);
    }
  }
}
