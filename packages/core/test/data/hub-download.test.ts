import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cachedDatasetPath, manifestPathFor } from '../../src/data/dataset-cache.js';
import { findKnownDataset } from '../../src/data/dataset-registry.js';
import { fetchKnownDataset } from '../../src/data/fetch-known-dataset.js';
import { resolveDataset } from '../../src/data/resolve-dataset.js';
import { UserError } from '../../src/util/user-error.js';
import { startLocalHub, type LocalHub } from './hub-server.js';
import { sharedFile } from './shared-data.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();
const math500 = findKnownDataset('math500')!;
const hubPath = `/datasets/${math500.repo}/resolve/${math500.revision}/${math500.path}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// PA_DATA_DIR blank: these tests are about the cache and the Hub, not local copies.
const env = (endpoint: string, token = '') => ({ ...process.env, HF_ENDPOINT: endpoint, HF_TOKEN: token, HUGGING_FACE_HUB_TOKEN: '', PA_DATA_DIR: '' });
const UNREACHABLE = 'http://127.0.0.1:9';

let hub: LocalHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function prepopulate(cacheDir: string, bytes: Uint8Array, recordedSha: string): Promise<string> {
  const file = cachedDatasetPath(cacheDir, math500);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
  await writeFile(manifestPathFor(file), JSON.stringify({ repo: math500.repo, revision: 'main', path: math500.path, sha256: recordedSha }));
  return file;
}

describe('known datasets from the Hub (up to the network boundary, and a local stand-in beyond it)', () => {
  test('offline with an empty cache: a UserError naming the dataset and repo, pointing at --data-dir', async () => {
    const cacheDir = await tempDir();
    const error = await resolveDataset('math500', { cacheDir, env: env(UNREACHABLE), progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toContain(`Dataset "math500" is not in the cache (${cachedDatasetPath(cacheDir, math500)}) and could not be downloaded from ${UNREACHABLE}`);
    expect(message).toContain('Hugging Face dataset repo HuggingFaceH4/MATH-500, file test.jsonl');
    // undici refuses port 9 outright ("bad port"); either way the cause is named.
    expect(message).toContain('file test.jsonl): fetch failed (bad port)');
    expect(message).toContain('pass --data-dir');
  });

  test('a closed port gives the same offline error with ECONNREFUSED', async () => {
    const closed = await startLocalHub({});
    await closed.close();
    await expect(resolveDataset('aime24', { cacheDir: await tempDir(), env: env(closed.url), progress: false })).rejects.toThrow(
      /Dataset "aime24" is not in the cache .* could not be downloaded from http:\/\/127\.0\.0\.1:\d+ \(Hugging Face dataset repo HuggingFaceH4\/aime_2024, file data\/train-00000-of-00001\.parquet\): fetch failed \(ECONNREFUSED\)/,
    );
  });

  test('a cached file whose bytes match its manifest is used without any network', async () => {
    const cacheDir = await tempDir();
    const bytes = await readFile(sharedFile('benchmarks/math500.jsonl'));
    await prepopulate(cacheDir, bytes, sha256(bytes));
    const result = await resolveDataset('math500', { cacheDir, env: env(UNREACHABLE), progress: false });
    expect(result.origin).toBe('cache');
    expect(result.records).toHaveLength(500);
  });

  test('a cached file whose sha256 differs is deleted and reported', async () => {
    const cacheDir = await tempDir();
    const bytes = await readFile(sharedFile('benchmarks/math500.jsonl'));
    const file = await prepopulate(cacheDir, bytes, '0'.repeat(64));
    await expect(resolveDataset('math500', { cacheDir, env: env(UNREACHABLE), progress: false })).rejects.toThrow(
      `The cached copy of dataset "math500" at ${file} is corrupt (sha256 ${sha256(bytes)}, but its manifest records ${'0'.repeat(64)}`,
    );
    expect(existsSync(file)).toBe(false);
    expect(existsSync(manifestPathFor(file))).toBe(false);
  });

  test('downloads once (LFS sha256 ETag checked), writes a manifest, then reads from the cache', async () => {
    const bytes = await readFile(sharedFile('benchmarks/math500.jsonl'));
    hub = await startLocalHub({ [hubPath]: { body: bytes } });
    const cacheDir = await tempDir();
    const first = await resolveDataset('math500', { cacheDir, env: env(hub.url, 'hf_testtoken'), progress: false });
    expect(first).toMatchObject({ origin: 'download', file: cachedDatasetPath(cacheDir, math500) });
    expect(first.records).toHaveLength(500);
    expect(hub.requests.every((r) => r.path === hubPath && r.headers.authorization === 'Bearer hf_testtoken')).toBe(true);
    const manifest = JSON.parse(await readFile(manifestPathFor(first.file), 'utf8'));
    expect(manifest).toMatchObject({ repo: 'HuggingFaceH4/MATH-500', revision: 'main', path: 'test.jsonl', size: bytes.byteLength, sha256: sha256(bytes), verifiedWith: 'sha256', hubUrl: hub.url });
    await hub.close();
    hub = undefined;
    const second = await resolveDataset('math500', { cacheDir, env: env(UNREACHABLE), progress: false });
    expect(second.origin).toBe('cache');
    expect(second.records).toEqual(first.records);
  });

  test('a small git-stored file is checked against its git blob id', async () => {
    const body = new TextEncoder().encode('{"problem":"1+1","answer":"2"}\n');
    const blobId = createHash('sha1').update(`blob ${body.byteLength}\0`).update(body).digest('hex');
    hub = await startLocalHub({ [hubPath]: { body, etag: blobId } });
    const drawn: string[] = [];
    const stream = { isTTY: false, write: (text: string) => drawn.push(text) } as unknown as NodeJS.WriteStream;
    const result = await fetchKnownDataset(math500, { cacheDir: await tempDir(), env: env(hub.url), progressStream: stream });
    expect(JSON.parse(await readFile(manifestPathFor(result.file), 'utf8')).verifiedWith).toBe('git-sha1');
    // The byte progress bar's final line: full bar, bytes done/total.
    expect(drawn.at(-1)).toMatch(new RegExp(`^download math500 \\[=+>\\] ${body.byteLength}/${body.byteLength} .* B/s`));
  });

  test('bytes that do not match the ETag are rejected and nothing is cached', async () => {
    const body = new TextEncoder().encode('{"problem":"1+1","answer":"2"}\n');
    hub = await startLocalHub({ [hubPath]: { body, etag: sha256(new TextEncoder().encode('something else')) } });
    const cacheDir = await tempDir();
    await expect(fetchKnownDataset(math500, { cacheDir, env: env(hub.url), progress: false })).rejects.toThrow(
      `The download of dataset "math500" (HuggingFaceH4/MATH-500, file test.jsonl) is corrupt: the Hub reports sha256`,
    );
    expect(existsSync(cachedDatasetPath(cacheDir, math500))).toBe(false);
  });

  test('a file missing from the repo points at the registry; a 401 points at HF_TOKEN; a malformed token is refused', async () => {
    hub = await startLocalHub({});
    const options = { cacheDir: await tempDir(), env: env(hub.url), progress: false };
    await expect(fetchKnownDataset(math500, options)).rejects.toThrow('but the Hub has no such file. The built-in registry (packages/core/src/data/dataset-registry.ts) may be out of date');
    await hub.close();
    hub = await startLocalHub({ [hubPath]: { body: new Uint8Array(1), status: 401 } });
    await expect(fetchKnownDataset(math500, { ...options, env: env(hub.url) })).rejects.toThrow('needs authorisation (HTTP 401)');
    await expect(fetchKnownDataset(math500, { ...options, env: env(hub.url, 'not-a-token') })).rejects.toThrow('HF_TOKEN is set but does not look like');
  });
});
