import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from './helpers/engine.js';

/** Element (i0, i1, …) of a row-major array of `shape` holding 0, 1, 2, …: its flat index. */
function flatIndex(index: number[], shape: number[]): number {
  return index.reduce((acc, i, d) => acc * shape[d]! + i, 0);
}

describe('the wasm Slice kernel (view-based, replaces the copy-everything one)', () => {
  beforeAll(async () => {
    await useWasm();
  });

  it.each([
    [[4, 5, 6], [1, 2, 3], [2, 3, 2]],
    [[4, 5, 6], [2, 0, 0], [1, 5, 6]], // a whole trailing block: one contiguous run
    [[3, 4], [0, 1], [3, 2]],
    [[2, 3, 4, 8], [1, 0, 2, 4], [1, 3, 2, 4]], // rope's half split
    [[7], [2], [4]],
  ])('slice of %j at %j size %j picks exactly those elements', (shape, begin, size) => {
    const total = shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(Float32Array.from({ length: total }, (_, i) => i), shape);
    const got = Array.from(tf.slice(x, begin, size).dataSync());
    const expected: number[] = [];
    const index = size.map(() => 0);
    for (let n = 0; n < got.length; n++) {
      expected.push(flatIndex(index.map((i, d) => i + begin[d]!), shape));
      for (let d = size.length - 1; d >= 0; d--) {
        if (++index[d]! < size[d]!) break;
        index[d] = 0;
      }
    }
    expect(tf.getBackend()).toBe('wasm');
    expect(got).toEqual(expected);
  });
});
