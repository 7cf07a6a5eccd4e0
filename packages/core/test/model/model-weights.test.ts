import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/index.js';
import { openModelWeights } from '../../src/model/model-weights-reader.js';
import { readModelWeights, writeModelWeights, type NamedTensor } from '../../src/model/index.js';
import { readSafetensorsHeader } from '../../src/model/safetensors-read.js';

const scratch = () => mkdtemp(join(tmpdir(), 'pa-weights-'));
const tensor = (n: number, fill: number): NamedTensor => ({ shape: [n], data: new Float32Array(n).fill(fill) });

describe('writeModelWeights / readModelWeights', () => {
  it('shards above maxShardBytes with HF names, an index with total_size and weight_map, and reads it back', async () => {
    const dir = await scratch();
    // F32 sizes 400, 400, 200, 800 bytes with a 1000-byte limit: [a,b,c] = 1000, then [d].
    const weights = new Map([['d', tensor(200, 4)], ['a', tensor(100, 1)], ['c', tensor(50, 3)], ['b', tensor(100, 2)]]);
    const files = await writeModelWeights(dir, weights, { maxShardBytes: 1000 });
    expect(files).toEqual(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors']);
    const index = JSON.parse(await readFile(join(dir, 'model.safetensors.index.json'), 'utf8'));
    expect(index).toEqual({
      metadata: { total_size: 1800 },
      weight_map: { a: files[0], b: files[0], c: files[0], d: files[1] },
    });
    expect([...(await readSafetensorsHeader(join(dir, files[1]!))).tensors.keys()]).toEqual(['d']);
    const back = await readModelWeights(dir);
    expect(new Map([...back].sort())).toEqual(new Map([...weights].sort()));
  });

  it('a later unsharded save removes the old shards and index', async () => {
    const dir = await scratch();
    await writeModelWeights(dir, { a: tensor(100, 1), b: tensor(100, 2) }, { maxShardBytes: 400 });
    await writeFile(join(dir, 'config.json'), '{}');
    expect(await readModelWeights(dir)).toHaveProperty('size', 2);
    expect(await writeModelWeights(dir, { a: tensor(3, 5) }, { dtype: 'BF16' })).toEqual(['model.safetensors']);
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'model.safetensors']);
    expect([...(await readModelWeights(dir)).keys()]).toEqual(['a']);
  });

  it('a folder without weights is a UserError that lists what is there', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'pytorch_model.bin'), '');
    const error = await readModelWeights(dir).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no model\.safetensors.*found: pytorch_model\.bin/);
  });

  it('an index that points at a missing shard fails naming the shard', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { a: 'model-00001-of-00002.safetensors' } }));
    await expect(readModelWeights(dir)).rejects.toThrow(/model-00001-of-00002\.safetensors/);
  });

  it('openModelWeights reads tensor by tensor across shards and reports the stored dtype', async () => {
    const dir = await scratch();
    await writeModelWeights(dir, { b: tensor(100, 2), a: tensor(100, 1), e: { shape: [0, 4], data: new Float32Array(0) } }, { dtype: 'F16', maxShardBytes: 200 });
    const reader = await openModelWeights(dir);
    expect(reader.names).toEqual(['a', 'b', 'e']);
    expect(reader.entry('b')).toMatchObject({ dtype: 'F16', shape: [100], file: join(dir, 'model-00002-of-00002.safetensors') });
    expect((await reader.read('b')).data).toEqual(new Float32Array(100).fill(2));
    expect(await reader.read('e')).toEqual({ shape: [0, 4], data: new Float32Array(0) });
    await expect(reader.read('zzz')).rejects.toThrow(/no tensor "zzz"/);
    await reader.close();
  });

  it('refuses an index whose weight_map points outside the folder', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { a: '../elsewhere/model.safetensors' } }));
    const error = await readModelWeights(dir).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/model\.safetensors\.index\.json needs a "weight_map"/);
  });
});
