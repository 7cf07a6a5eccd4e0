import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelConfig, writeTinyModel } from '../../src/model/index.js';

const scratch = () => mkdtemp(join(tmpdir(), 'pa-config-weights-'));

async function tinyWithConfig(edit: (json: Record<string, unknown>) => void): Promise<string> {
  const dir = await scratch();
  await writeTinyModel(dir); // 2 layers, hidden 64, intermediate 128
  const path = join(dir, 'config.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(path, JSON.stringify(json));
  return dir;
}

describe('readModelConfig checks config.json against the weights before anything is sized from it', () => {
  it('num_hidden_layers 1e9 beside weights for 2 layers is a clear error, without allocating', async () => {
    const dir = await tinyWithConfig((json) => { json.num_hidden_layers = 1_000_000_000; });
    const before = process.memoryUsage().rss;
    const error = await readModelConfig(dir).then(() => undefined, (e: unknown) => e as Error & { code?: string });
    expect(error?.code).toBe('PA_CONFIG_WEIGHTS_MISMATCH');
    expect(error?.message).toContain('"num_hidden_layers" is 1000000000 but the weights hold 2 layers');
    expect(error?.message).toContain(join(dir, 'config.json'));
    expect(process.memoryUsage().rss - before).toBeLessThan(200e6);
  });

  it('an intermediate_size the weights do not have names the tensor and both shapes', async () => {
    const dir = await tinyWithConfig((json) => { json.intermediate_size = 1_000_000_000; });
    await expect(readModelConfig(dir)).rejects.toThrow(/mlp\.gate_proj\.weight is \[128, 64\] but config\.json implies \[1000000000, 64\]/);
  });

  it('a vocab_size larger than the embedding is refused', async () => {
    const dir = await tinyWithConfig((json) => { json.vocab_size = 4_000_000_000; });
    await expect(readModelConfig(dir)).rejects.toThrow(/model\.embed_tokens\.weight is \[\d+, 64\] but config\.json implies \[4000000000, 64\]/);
  });

  it('keys named like Object.prototype members are plain keys: no TypeError, no effect, no value from __proto__', async () => {
    const dir = await tinyWithConfig((json) => {
      Object.assign(json, { constructor: { def: 1 }, toString: 'x', valueOf: 3, hasOwnProperty: null });
    });
    const config = await readModelConfig(dir);
    expect(config).toMatchObject({ hiddenSize: 64, intermediateSize: 128, numHiddenLayers: 2 });
    const path = join(dir, 'config.json');
    const text = (await readFile(path, 'utf8')).replace('"hidden_size":64,', '').replace(/^\{/, '{"__proto__":{"hidden_size":64},');
    await writeFile(path, text);
    await expect(readModelConfig(dir)).rejects.toThrow(/"hidden_size" must be a positive integer/);
  });
});
