import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSafetensors, writeSafetensors } from '../../src/model/index.js';
import { readSafetensorsHeader } from '../../src/model/safetensors-read.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-st-write-'));
});

describe('writeSafetensors', () => {
  it('writes exactly the bytes of the format: u64 length, space-padded sorted JSON, little-endian data', async () => {
    const path = join(dir, 'exact.safetensors');
    await writeSafetensors(path, { b: { shape: [1], data: new Float32Array([0.5]) }, a: { shape: [2], data: new Float32Array([1, -2]) } });
    const bytes = await readFile(path);
    const json = '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}';
    const padded = Math.ceil(json.length / 8) * 8;
    expect(padded % 8).toBe(0);
    expect(bytes.readBigUInt64LE(0)).toBe(BigInt(padded));
    expect(bytes.subarray(8, 8 + padded).toString('utf8')).toBe(json + ' '.repeat(padded - json.length));
    expect([...bytes.subarray(8 + padded)]).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0, 0, 0, 0, 0x3f]);
    expect(await readdir(dir)).toEqual(['exact.safetensors']); // no temp file left behind
  });

  it('stores BF16 and F16 with the known bit patterns and reads them back widened', async () => {
    const values = new Float32Array([1, -2, 65504, 1 + 2 ** -8]);
    const bf16Path = join(dir, 'bf16.safetensors');
    const f16Path = join(dir, 'f16.safetensors');
    await writeSafetensors(bf16Path, { w: { shape: [4], data: values } }, { dtype: 'BF16' });
    await writeSafetensors(f16Path, { w: { shape: [2, 2], data: values } }, { dtype: 'F16', metadata: { step: '3' } });
    const tail = async (path: string) => {
      const bytes = await readFile(path);
      return [...new Uint16Array(bytes.buffer.slice(bytes.byteOffset + bytes.length - 8, bytes.byteOffset + bytes.length))];
    };
    // bf16: 65504 = 0x477FE000 rounds to 0x4780 (65536); 1 + 2^-8 is a tie that goes to even 0x3F80.
    expect(await tail(bf16Path)).toEqual([0x3f80, 0xc000, 0x4780, 0x3f80]);
    // f16: 1 + 2^-8 is exactly representable (0x3C04).
    expect(await tail(f16Path)).toEqual([0x3c00, 0xc000, 0x7bff, 0x3c04]);
    expect([...(await readSafetensors(bf16Path)).tensors.get('w')!.data]).toEqual([1, -2, 65536, 1]);
    expect((await readSafetensors(f16Path)).tensors.get('w')).toEqual({ shape: [2, 2], data: values });
    expect((await readSafetensorsHeader(f16Path)).metadata).toEqual({ step: '3', format: 'pt' });
  });

  it('refuses a tensor whose data length does not match its shape', async () => {
    await expect(writeSafetensors(join(dir, 'bad.safetensors'), { w: { shape: [3], data: new Float32Array(2) } })).rejects.toThrow(/shape \[3\] holds 3 values but data has 2/);
  });
});
