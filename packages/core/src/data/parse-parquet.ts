import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { RawRow } from './raw-rows.js';

/**
 * Parquet rows via hyparquet, with hyparquet-compressors so GZIP/ZSTD/BROTLI/LZ4 files read too
 * (hyparquet alone only knows SNAPPY). The bytes were read once by the caller.
 */
export async function parseParquet(bytes: Uint8Array): Promise<RawRow[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = await parquetReadObjects({ file: buffer, compressors });
  return objects.map((value, index) => ({ index, value: jsonSafe(value) }));
}

/**
 * INT64 columns arrive as bigint, which JSON.stringify rejects; records end up in JSON reports
 * and logs, so safe integers become numbers and larger ones exact decimal strings.
 */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}
