/**
 * Write float weights as safetensors the way the Rust crate does: `__metadata__` with
 * `format: "pt"` (transformers refuses files without it), tensors in sorted name order laid
 * out back to back, and the JSON header padded with spaces to a multiple of 8 bytes.
 */
import { f32ToBf16, f32ToF16 } from './dtype-convert.js';
import { writeFileAtomicallyInPieces } from './atomic-file-stream.js';
import { SAFETENSORS_DTYPE_BYTES, elementCount, type FloatStorageDtype, type NamedTensor } from './safetensors-format.js';

export type WeightsInput = Map<string, NamedTensor> | Record<string, NamedTensor>;

export interface WriteSafetensorsOptions {
  /** Storage dtype for every tensor (default F32). */
  dtype?: FloatStorageDtype;
  /** Extra `__metadata__` strings; `format: "pt"` is always set. */
  metadata?: Record<string, string>;
}

export async function writeSafetensors(path: string, tensors: WeightsInput, options: WriteSafetensorsOptions = {}): Promise<void> {
  const dtype = options.dtype ?? 'F32';
  const entries = sortedEntries(tensors);
  const header = buildHeader(entries, dtype, options.metadata);
  await writeFileAtomicallyInPieces(path, async (write) => {
    await write(header);
    for (const [, tensor] of entries) await write(encodeTensor(tensor.data, dtype));
  });
}

/** Bytes the file will take for these tensors (data only, header excluded); used for sharding. */
export function storageBytes(tensor: NamedTensor, dtype: FloatStorageDtype): number {
  return elementCount(tensor.shape) * SAFETENSORS_DTYPE_BYTES[dtype];
}

export function sortedEntries(tensors: WeightsInput): [string, NamedTensor][] {
  const entries = tensors instanceof Map ? [...tensors] : Object.entries(tensors);
  for (const [name, tensor] of entries) {
    if (elementCount(tensor.shape) !== tensor.data.length) {
      throw new Error(`tensor "${name}": shape ${JSON.stringify(tensor.shape)} holds ${elementCount(tensor.shape)} values but data has ${tensor.data.length}`);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function buildHeader(entries: [string, NamedTensor][], dtype: FloatStorageDtype, metadata: Record<string, string> = {}): Uint8Array {
  const json: Record<string, unknown> = { __metadata__: { ...metadata, format: 'pt' } };
  let offset = 0;
  for (const [name, tensor] of entries) {
    const bytes = storageBytes(tensor, dtype);
    json[name] = { dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const text = Buffer.from(JSON.stringify(json), 'utf8');
  const padded = Math.ceil(text.length / 8) * 8;
  const out = Buffer.alloc(8 + padded, 0x20); // spaces: padding stays valid JSON whitespace
  out.writeBigUInt64LE(BigInt(padded), 0);
  text.copy(out, 8);
  return out;
}

function encodeTensor(data: Float32Array, dtype: FloatStorageDtype): Uint8Array {
  // Typed arrays are little-endian on every platform Node supports, which is what the format needs.
  const encoded = dtype === 'F32' ? data : dtype === 'BF16' ? f32ToBf16(data) : f32ToF16(data);
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}
