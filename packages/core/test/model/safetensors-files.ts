// Builds safetensors files byte by byte, independently of our writer, so the reader is tested
// against bytes we can see rather than against itself.
import { writeFile } from 'node:fs/promises';

export function safetensorsBytes(header: object | string, data: Uint8Array, lengthOverride?: number): Buffer {
  const json = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(lengthOverride ?? json.length));
  return Buffer.concat([prefix, json, data]);
}

export function littleEndian(words: number[], bytesPerWord: 2 | 4): Uint8Array {
  const out = Buffer.alloc(words.length * bytesPerWord);
  words.forEach((w, i) => (bytesPerWord === 2 ? out.writeUInt16LE(w, i * 2) : out.writeUInt32LE(w >>> 0, i * 4)));
  return out;
}

export async function writeBytes(path: string, bytes: Uint8Array): Promise<string> {
  await writeFile(path, bytes);
  return path;
}
