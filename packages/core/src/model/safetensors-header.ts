/**
 * Read and validate a safetensors header before any tensor is allocated, so a truncated or
 * lying file fails with a clear message instead of a RangeError or a giant allocation.
 */
import type { FileHandle } from 'node:fs/promises';
import { UserError } from '../util/user-error.js';
import {
  MAX_HEADER_BYTES,
  SAFETENSORS_DTYPE_BYTES,
  elementCount,
  isSafetensorsDtype,
  type SafetensorsEntry,
  type SafetensorsHeader,
} from './safetensors-format.js';

export async function readSafetensorsHeaderFrom(handle: FileHandle, path: string): Promise<SafetensorsHeader> {
  const { size } = await handle.stat();
  const fail = (what: string): never => {
    throw new UserError(
      `The safetensors file ${path} is not valid: ${what}. The file is probably truncated or corrupt; ` +
        `download or save it again.`,
      'PA_BAD_SAFETENSORS',
    );
  };
  if (size < 8) fail(`it is ${size} bytes long, shorter than the 8-byte header length`);
  const lengthBytes = Buffer.alloc(8);
  await handle.read(lengthBytes, 0, 8, 0);
  const headerLength = Number(lengthBytes.readBigUInt64LE(0));
  if (headerLength > MAX_HEADER_BYTES) fail(`its header claims ${headerLength} bytes (the limit is 100 MB)`);
  if (headerLength > size - 8) fail(`its header claims ${headerLength} bytes but only ${size - 8} follow`);
  const headerBytes = Buffer.alloc(headerLength);
  await handle.read(headerBytes, 0, headerLength, 8);
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch (error) {
    fail(`its JSON header does not parse (${(error as Error).message})`);
  }
  const dataStart = 8 + headerLength;
  return validateHeader(json, dataStart, size - dataStart, fail);
}

function validateHeader(
  json: unknown,
  dataStart: number,
  dataBytes: number,
  fail: (what: string) => never,
): SafetensorsHeader {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('its header is not a JSON object');
  const tensors = new Map<string, SafetensorsEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = parseMetadata(raw, fail);
      continue;
    }
    tensors.set(name, parseEntry(name, raw, dataBytes, fail));
  }
  checkNoOverlap(tensors, fail);
  return { dataStart, tensors, metadata };
}

function parseMetadata(raw: unknown, fail: (what: string) => never): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('__metadata__ is not an object');
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string') fail(`__metadata__.${key} is not a string`);
    metadata[key] = value as string;
  }
  return metadata;
}

function parseEntry(name: string, raw: unknown, dataBytes: number, fail: (what: string) => never): SafetensorsEntry {
  const entry = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  if (typeof entry !== 'object' || entry === null) fail(`tensor "${name}" has no {dtype, shape, data_offsets} entry`);
  const { dtype, shape, data_offsets: offsets } = entry!;
  if (!isSafetensorsDtype(dtype)) fail(`tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}`);
  const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Array.isArray(shape) || !shape.every(isCount)) fail(`tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    fail(`tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`);
  }
  const [start, end] = offsets as [number, number];
  if (start > end || end > dataBytes) {
    fail(`tensor "${name}" data_offsets [${start}, ${end}] fall outside the ${dataBytes}-byte data section`);
  }
  const expected = elementCount(shape as number[]) * SAFETENSORS_DTYPE_BYTES[dtype as keyof typeof SAFETENSORS_DTYPE_BYTES];
  if (end - start !== expected) {
    fail(`tensor "${name}" spans ${end - start} bytes but ${dtype} ${JSON.stringify(shape)} needs ${expected}`);
  }
  return { dtype: dtype as SafetensorsEntry['dtype'], shape: shape as number[], dataOffsets: [start, end] };
}

function checkNoOverlap(tensors: Map<string, SafetensorsEntry>, fail: (what: string) => never): void {
  const spans = [...tensors].filter(([, e]) => e.dataOffsets[1] > e.dataOffsets[0]);
  spans.sort((a, b) => a[1].dataOffsets[0] - b[1].dataOffsets[0]);
  for (let i = 1; i < spans.length; i++) {
    const [prevName, prev] = spans[i - 1]!;
    const [name, entry] = spans[i]!;
    if (entry.dataOffsets[0] < prev.dataOffsets[1]) fail(`tensors "${prevName}" and "${name}" overlap`);
  }
}
