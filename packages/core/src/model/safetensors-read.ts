/**
 * Read tensors from a safetensors file through a file handle: the header first, then each
 * tensor's byte range straight into its own (aligned) buffer, so a multi-GB file is never
 * held in memory twice. Every float dtype is widened to float32.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { UserError } from '../util/user-error.js';
import { bf16ToF32, f16ToF32 } from './dtype-convert.js';
import type { SafetensorsEntry, SafetensorsHeader, NamedTensor } from './safetensors-format.js';
import { readSafetensorsHeaderFrom } from './safetensors-header.js';

export interface SafetensorsReader {
  readonly path: string;
  readonly header: SafetensorsHeader;
  /** Read one tensor as float32; throws UserError when the name is missing or not exact in float32. */
  read(name: string): Promise<NamedTensor>;
  close(): Promise<void>;
}

export async function openSafetensors(path: string): Promise<SafetensorsReader> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UserError(`Cannot open the safetensors file ${path} (${(error as Error).message}); check the path.`, 'PA_NO_FILE', { cause: error });
  }
  try {
    const header = await readSafetensorsHeaderFrom(handle, path);
    return {
      path,
      header,
      read: async (name) => {
        const entry = header.tensors.get(name);
        if (!entry) throw new UserError(`The safetensors file ${path} has no tensor named "${name}"; it has ${header.tensors.size} others (e.g. ${[...header.tensors.keys()].slice(0, 3).join(', ')}).`, 'PA_NO_TENSOR');
        return { shape: entry.shape.slice(), data: await readEntry(handle, path, name, entry, header.dataStart) };
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function readSafetensorsHeader(path: string): Promise<SafetensorsHeader> {
  const reader = await openSafetensors(path);
  await reader.close();
  return reader.header;
}

export interface SafetensorsContents {
  tensors: Map<string, NamedTensor>;
  /** The `__metadata__` strings (e.g. `format: "pt"`). */
  metadata: Record<string, string>;
}

/** Read all tensors (or those `select` keeps) of one file. */
export async function readSafetensors(path: string, select?: (name: string) => boolean): Promise<SafetensorsContents> {
  const reader = await openSafetensors(path);
  try {
    const tensors = new Map<string, NamedTensor>();
    for (const name of reader.header.tensors.keys()) {
      if (!select || select(name)) tensors.set(name, await reader.read(name));
    }
    return { tensors, metadata: reader.header.metadata };
  } finally {
    await reader.close();
  }
}

async function readEntry(handle: FileHandle, path: string, name: string, entry: SafetensorsEntry, dataStart: number): Promise<Float32Array> {
  const [start, end] = entry.dataOffsets;
  const bytes = new Uint8Array(end - start); // fresh ArrayBuffer: aligned for any typed view
  await readFully(handle, bytes, dataStart + start, path);
  const buffer = bytes.buffer;
  switch (entry.dtype) {
    case 'F32':
      return new Float32Array(buffer);
    case 'BF16':
      return bf16ToF32(new Uint16Array(buffer));
    case 'F16':
      return f16ToF32(new Uint16Array(buffer));
    default:
      return narrowExactly(integerOrDoubleView(entry.dtype, buffer), path, name, entry.dtype);
  }
}

function integerOrDoubleView(dtype: SafetensorsEntry['dtype'], buffer: ArrayBuffer): ArrayLike<number | bigint> {
  switch (dtype) {
    case 'F64': return new Float64Array(buffer);
    case 'I64': return new BigInt64Array(buffer);
    case 'U64': return new BigUint64Array(buffer);
    case 'I32': return new Int32Array(buffer);
    case 'U32': return new Uint32Array(buffer);
    case 'I16': return new Int16Array(buffer);
    case 'U16': return new Uint16Array(buffer);
    case 'I8': return new Int8Array(buffer);
    default: return new Uint8Array(buffer); // U8, BOOL
  }
}

/** Non-float tensors become float32 only when every value survives the conversion unchanged. */
function narrowExactly(values: ArrayLike<number | bigint>, path: string, name: string, dtype: string): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const asNumber = Number(value);
    out[i] = asNumber;
    const exact = typeof value === 'bigint' ? BigInt(out[i]!) === value : out[i] === asNumber || Number.isNaN(asNumber);
    if (!exact) {
      throw new UserError(
        `Tensor "${name}" (${dtype}) in ${path} holds ${String(value)} at index ${i}, which float32 cannot represent exactly; ` +
          `prompt-aug reads every tensor as float32, so convert this tensor to a float dtype before loading.`,
        'PA_INEXACT_TENSOR',
      );
    }
  }
  return out;
}

async function readFully(handle: FileHandle, target: Uint8Array, position: number, path: string): Promise<void> {
  const chunk = 1 << 30; // fs reads are limited to 2 GB per call
  let done = 0;
  while (done < target.length) {
    const length = Math.min(chunk, target.length - done);
    const { bytesRead } = await handle.read(target, done, length, position + done);
    if (bytesRead === 0) throw new UserError(`The safetensors file ${path} ended early while reading; it is truncated. Download or save it again.`, 'PA_BAD_SAFETENSORS');
    done += bytesRead;
  }
}
