/**
 * The safetensors file layout: `u64 LE` header length N, N bytes of JSON
 * (`{name: {dtype, shape, data_offsets: [start, end]}, __metadata__?: {..}}`),
 * then the raw little-endian tensor bytes; offsets are relative to the data section.
 */
export const SAFETENSORS_DTYPE_BYTES = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
} as const;

export type SafetensorsDtype = keyof typeof SAFETENSORS_DTYPE_BYTES;

/** The dtypes our writer produces (float weights only). */
export type FloatStorageDtype = 'F32' | 'F16' | 'BF16';

export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === 'string' && Object.hasOwn(SAFETENSORS_DTYPE_BYTES, value);
}

/** One tensor's entry in the header; `dataOffsets` are relative to the start of the data section. */
export interface SafetensorsEntry {
  dtype: SafetensorsDtype;
  shape: number[];
  dataOffsets: [number, number];
}

export interface SafetensorsHeader {
  /** Absolute file offset where the data section starts (8 + header length). */
  dataStart: number;
  /** Tensors in file order (sorted by name in files we write). */
  tensors: Map<string, SafetensorsEntry>;
  metadata: Record<string, string>;
}

/** A float32 weight with its shape (row-major). Every reader widens to float32. */
export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/** Maximum header size we accept; the Rust crate uses the same 100 MB limit. */
export const MAX_HEADER_BYTES = 100_000_000;

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}
