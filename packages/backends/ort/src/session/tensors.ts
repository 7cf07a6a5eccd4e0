/** Conversions between the Policy's number[][] batches and ORT tensors. */
import { Tensor } from 'onnxruntime-node';

export function int64Matrix(rows: readonly (readonly number[])[]): Tensor {
  const width = rows[0]?.length ?? 0;
  const data = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => row.forEach((v, c) => (data[r * width + c] = BigInt(v))));
  return new Tensor('int64', data, [rows.length, width]);
}

export function int64Scalar(value: number): Tensor {
  return new Tensor('int64', BigInt64Array.of(BigInt(value)), []);
}

export function boolScalar(value: boolean): Tensor {
  return new Tensor('bool', Uint8Array.of(value ? 1 : 0), [1]);
}

export function float32Of(tensor: Tensor): Float32Array {
  if (tensor.type !== 'float32') throw new Error(`expected a float32 tensor, got ${tensor.type}`);
  return tensor.data as Float32Array;
}
