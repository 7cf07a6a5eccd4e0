import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../src/index.js';
import { loadTokenizer, readModelWeights, resolveModel, writeTinyModel } from '../../src/model/index.js';
import { startFakeHub, type FakeHub } from './fake-hub.js';

const scratch = (tag: string) => mkdtemp(join(tmpdir(), `pa-resolve-${tag}-`));
const userError = async (promise: Promise<unknown>): Promise<Error & { code: string }> => {
  const error = await promise.catch((e: unknown) => e);
  expect(isUserError(error)).toBe(true);
  return error as Error & { code: string };
};

let hub: FakeHub | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await hub?.close();
  hub = undefined;
});

describe('resolveModel with a local folder', () => {
  it('returns the folder (absolute) when it has config.json', async () => {
    const dir = await scratch('local');
    await writeTinyModel(dir);
    expect(await resolveModel(relative(process.cwd(), dir))).toBe(dir);
  });

  it('refuses a folder without config.json, listing its contents', async () => {
    const dir = await scratch('noconfig');
    await writeFile(join(dir, 'weights.bin'), '');
    const error = await userError(resolveModel(dir));
    expect(error.message).toMatch(/has no config\.json \(found: weights\.bin\)/);
  });

  it('refuses something that is neither a folder nor a Hub id', async () => {
    expect((await userError(resolveModel('./no/such/folder'))).message).toMatch(/neither an existing folder nor a Hugging Face Hub id/);
  });
});

describe('resolveModel with a Hub id', () => {
  it('offline (HF_ENDPOINT unreachable): a UserError naming the id and suggesting a local folder', async () => {
    vi.stubEnv('HF_ENDPOINT', 'http://127.0.0.1:9');
    const error = await userError(resolveModel('Qwen/Qwen2.5-Math-1.5B', { cacheDir: await scratch('offline') }));
    expect(error.code).toBe('PA_HUB_OFFLINE');
    expect(error.message).toContain('Qwen/Qwen2.5-Math-1.5B');
    expect(error.message).toContain('http://127.0.0.1:9');
    expect(error.message).toMatch(/fetch failed: bad port/); // undici refuses port 9 (discard) before connecting
    expect(error.message).toMatch(/local folder with --model/);
  });

  it('downloads config, tokenizer and weights (not other files) into <cache>/models/<org>--<name>/<revision>', async () => {
    const source = await scratch('source');
    await writeTinyModel(source, { seed: 5, maxShardBytes: 60_000 });
    await writeFile(join(source, 'README.md'), '# tiny');
    hub = await startFakeHub('acme/tiny', source);
    const cache = await scratch('cache');
    const progress: number[] = [];
    const dir = await resolveModel('acme/tiny', { cacheDir: cache, hubUrl: hub.url, onProgress: (p) => progress.push(p.bytes / p.totalBytes) });
    expect(dir).toBe(join(cache, 'models', 'acme--tiny', 'main'));
    const expected = (await readdir(source)).filter((f) => f !== 'README.md').sort();
    expect(expected.filter((f) => f.endsWith('.safetensors')).length).toBeGreaterThan(1);
    expect((await readdir(dir)).filter((f) => !f.startsWith('.')).sort()).toEqual(expected);
    for (const file of expected) expect(await readFile(join(dir, file))).toEqual(await readFile(join(source, file)));
    expect(progress.at(-1)).toBe(1);
    expect((await readModelWeights(dir)).size).toBe((await readModelWeights(source)).size);
    expect((await loadTokenizer(dir)).encode(' the')).toHaveLength(1);

    // Second run: everything present with matching size and hash, nothing fetched again.
    hub.downloads.length = 0;
    await resolveModel('acme/tiny', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined });
    expect(hub.downloads).toEqual([]);

    // A same-size corrupt file fails its hash check and is fetched again.
    const config = await readFile(join(dir, 'config.json'));
    config[config.length - 2] = 0x20;
    await writeFile(join(dir, 'config.json'), config);
    await resolveModel('acme/tiny', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined });
    expect(hub.downloads).toEqual(['config.json']);
    expect(await readFile(join(dir, 'config.json'))).toEqual(await readFile(join(source, 'config.json')));

    // Offline later: the complete snapshot is used as is.
    const url = hub.url;
    await hub.close();
    hub = undefined;
    expect(await resolveModel('acme/tiny', { cacheDir: cache, hubUrl: url })).toBe(dir);
  });

  it('a download whose hash does not match the listing is not kept', async () => {
    const source = await scratch('source-bad');
    await writeTinyModel(source);
    hub = await startFakeHub('acme/bad', source);
    hub.lieAboutSha.set('model.safetensors', '0'.repeat(64));
    const cache = await scratch('cache-bad');
    await expect(resolveModel('acme/bad', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined })).rejects.toThrow(/model\.safetensors downloaded with hash [0-9a-f]{64}, but the Hub lists 0{64}/);
    const target = join(cache, 'models', 'acme--bad', 'main');
    expect((await readdir(target)).some((f) => f.includes('model.safetensors'))).toBe(false);
  });

  it('an unknown repo is a UserError about the id and HF_TOKEN', async () => {
    const source = await scratch('source-404');
    await mkdir(source, { recursive: true });
    hub = await startFakeHub('acme/exists', source);
    const error = await userError(resolveModel('acme/missing', { cacheDir: await scratch('cache-404'), hubUrl: hub.url }));
    expect(error.code).toBe('PA_HUB_REFUSED');
    expect(error.message).toMatch(/refused acme\/missing at revision main.*HF_TOKEN/);
  });

  it('HF_HUB_OFFLINE=1 uses a complete snapshot without the network and fails clearly without one', async () => {
    const source = await scratch('source-offline');
    await writeTinyModel(source);
    hub = await startFakeHub('acme/off', source);
    const cache = await scratch('cache-offline');
    const dir = await resolveModel('acme/off', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined });
    vi.stubEnv('HF_HUB_OFFLINE', '1');
    hub.downloads.length = 0;
    expect(await resolveModel('acme/off', { cacheDir: cache, hubUrl: 'http://127.0.0.1:9' })).toBe(dir);
    const error = await userError(resolveModel('acme/other', { cacheDir: cache, hubUrl: hub.url }));
    expect(error.message).toMatch(/HF_HUB_OFFLINE is set and acme\/other/);
  });

  it('when the repo is re-sharded upstream, the old shards and index are removed from the cache', async () => {
    const cache = await scratch('cache-reshard');
    const sharded = await scratch('sharded');
    await writeTinyModel(sharded, { maxShardBytes: 60_000 });
    hub = await startFakeHub('acme/re', sharded);
    const dir = await resolveModel('acme/re', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined });
    expect((await readdir(dir)).filter((f) => f.startsWith('model'))).toContain('model.safetensors.index.json');
    await hub.close();
    const single = await scratch('single');
    await writeTinyModel(single);
    hub = await startFakeHub('acme/re', single);
    await resolveModel('acme/re', { cacheDir: cache, hubUrl: hub.url, onProgress: () => undefined });
    expect((await readdir(dir)).filter((f) => f.startsWith('model'))).toEqual(['model.safetensors']);
  });
});
