import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/index.js';
import { openSafetensors, readSafetensorsHeader } from '../../src/model/safetensors-read.js';
import { readSafetensors } from '../../src/model/index.js';
import { littleEndian, safetensorsBytes, writeBytes } from './safetensors-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-st-read-'));
});

describe('readSafetensors on hand-built files', () => {
  it('reads F32, F16, BF16, I64 and I32 (header length deliberately not a multiple of 8)', async () => {
    const f32 = littleEndian([0x3f800000, 0xc0000000], 4); // 1, -2
    const f16 = littleEndian([0x3c00, 0x7bff, 0x0001, 0xfc00], 2); // 1, 65504, 2^-24, -Inf
    const bf16 = littleEndian([0x3f80, 0xc040], 2); // 1, -3
    const i64 = Buffer.alloc(24);
    [7n, -3n, 16777216n].forEach((v, i) => i64.writeBigInt64LE(v, i * 8));
    const i32 = littleEndian([5, -1 >>> 0], 4);
    const data = Buffer.concat([f32, f16, bf16, i64, i32]);
    const header = {
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'F16', shape: [2, 2], data_offsets: [8, 16] },
      c: { dtype: 'BF16', shape: [2], data_offsets: [16, 20] },
      d: { dtype: 'I64', shape: [3], data_offsets: [20, 44] },
      e: { dtype: 'I32', shape: [2, 1], data_offsets: [44, 52] },
      __metadata__: { format: 'pt', note: 'x' },
    };
    const path = await writeBytes(join(dir, 'mixed.safetensors'), safetensorsBytes(header, data));
    const { tensors, metadata } = await readSafetensors(path);
    expect(metadata).toEqual({ format: 'pt', note: 'x' });
    expect([...tensors.get('a')!.data]).toEqual([1, -2]);
    expect(tensors.get('b')).toEqual({ shape: [2, 2], data: new Float32Array([1, 65504, 2 ** -24, -Infinity]) });
    expect([...tensors.get('c')!.data]).toEqual([1, -3]);
    expect([...tensors.get('d')!.data]).toEqual([7, -3, 16777216]);
    expect(tensors.get('e')).toEqual({ shape: [2, 1], data: new Float32Array([5, -1]) });
    const headerInfo = await readSafetensorsHeader(path);
    expect(headerInfo.metadata).toEqual({ format: 'pt', note: 'x' });
    expect(headerInfo.dataStart).toBe(8 + JSON.stringify(header).length);
  });

  it('reads single tensors through an open reader and only what select keeps', async () => {
    const path = await writeBytes(join(dir, 'two.safetensors'), safetensorsBytes(
      { x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, y: { dtype: 'F32', shape: [], data_offsets: [4, 8] } },
      littleEndian([0x40400000, 0x3f000000], 4),
    ));
    expect([...(await readSafetensors(path, (n) => n === 'y')).tensors.keys()]).toEqual(['y']);
    const reader = await openSafetensors(path);
    expect(await reader.read('y')).toEqual({ shape: [], data: new Float32Array([0.5]) });
    await expect(reader.read('z')).rejects.toThrow(/no tensor named "z"/);
    await reader.close();
  });

  it('refuses integers float32 cannot hold exactly, naming the tensor', async () => {
    const i64 = Buffer.alloc(8);
    i64.writeBigInt64LE(16777217n); // 2^24 + 1
    const path = await writeBytes(join(dir, 'ints.safetensors'), safetensorsBytes({ ids: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, i64));
    await expect(readSafetensors(path)).rejects.toThrow(/"ids" \(I64\).*16777217/);
  });
});

describe('readSafetensors refuses truncated or lying files with a UserError naming the file', () => {
  const good = { t: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } };
  const cases: [string, () => Buffer, RegExp][] = [
    ['shorter than 8 bytes', () => Buffer.from([1, 2, 3]), /shorter than the 8-byte header length/],
    ['header length past the end', () => safetensorsBytes(good, new Uint8Array(8), 10_000), /claims 10000 bytes but only/],
    ['absurd header length', () => safetensorsBytes(good, new Uint8Array(8), 2 ** 40), /limit is 100 MB/],
    ['header JSON broken', () => safetensorsBytes('{"t": {', new Uint8Array(8)), /does not parse/],
    ['header not an object', () => safetensorsBytes('[1,2]', new Uint8Array(8)), /not a JSON object/],
    ['unknown dtype', () => safetensorsBytes({ t: { dtype: 'F8_E4M3X', shape: [2], data_offsets: [0, 2] } }, new Uint8Array(2)), /unknown dtype "F8_E4M3X"/],
    ['data truncated', () => safetensorsBytes(good, new Uint8Array(6)), /outside the 6-byte data section/],
    ['size does not match shape', () => safetensorsBytes({ t: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, new Uint8Array(8)), /spans 8 bytes but F32 \[3\] needs 12/],
    ['overlapping tensors', () => safetensorsBytes({
      t: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      u: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
    }, new Uint8Array(12)), /"t" and "u" overlap/],
    ['negative offsets', () => safetensorsBytes({ t: { dtype: 'F32', shape: [1], data_offsets: [-4, 0] } }, new Uint8Array(4)), /invalid data_offsets/],
    ['bad shape', () => safetensorsBytes({ t: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, new Uint8Array(4)), /invalid shape/],
  ];
  it.each(cases)('%s', async (name, bytes, message) => {
    const path = await writeBytes(join(dir, `${name.replace(/\W+/g, '-')}.safetensors`), bytes());
    const error = await readSafetensors(path).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(path);
  });

  it('a missing file is a UserError too', async () => {
    const error = await readSafetensors(join(dir, 'nope.safetensors')).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('nope.safetensors');
  });
});
