import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveDataset } from '../../src/data/resolve-dataset.js';
import { dataDir, datasetDir, userPluginDir } from '../../src/util/paths.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();
const offline = (extra: Record<string, string>) => ({ ...process.env, HF_ENDPOINT: 'http://127.0.0.1:9', HF_TOKEN: '', ...extra });

describe('PA_DATA_DIR: local dataset copies, tried before the cache and the Hub', () => {
  test('a name with a copy under $PA_DATA_DIR is read from there', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'benchmarks'));
    await writeFile(join(dir, 'benchmarks', 'aime24.jsonl'), '{"problem":"1+1?","answer":"2"}\n');
    const result = await resolveDataset('aime24', { env: offline({ PA_DATA_DIR: dir }), cacheDir: await tempDir(), progress: false });
    expect(result).toMatchObject({ origin: 'data-dir', file: join(dir, 'benchmarks', 'aime24.jsonl') });
    expect(result.records.map((r) => r.answers)).toEqual([['2']]);
  });

  test('a name it lacks falls through to the cache, then the Hub (unlike --data-dir, which is strict)', async () => {
    const empty = await tempDir();
    const error = (await resolveDataset('aime24', { env: offline({ PA_DATA_DIR: empty }), cacheDir: await tempDir(), progress: false }).then(() => undefined, (e: unknown) => e as Error & { code?: string }))!;
    expect(error.code).toBe('PA_DATASET_OFFLINE');
    expect(error.message).toContain('or set PA_DATA_DIR');
    const strict = (await resolveDataset('aime24', { dataDir: empty, env: offline({}) }).then(() => undefined, (e: unknown) => e as Error & { code?: string }))!;
    expect(strict.code).toBe('PA_DATASET_NOT_LOCAL');
  });
});

describe('folders: PA_DATA_DIR no longer moves the plugin folder', () => {
  test('PA_PLUGINS_DIR is the user plugin folder; the default is $XDG_DATA_HOME/prompt-aug/plugins', () => {
    expect(userPluginDir({ PA_PLUGINS_DIR: '/p', PA_DATA_DIR: '/d' })).toBe('/p');
    expect(userPluginDir({ PA_DATA_DIR: '/d', XDG_DATA_HOME: '/xdg' })).toBe('/xdg/prompt-aug/plugins');
    expect(userPluginDir({})).toBe(join(homedir(), '.local', 'share', 'prompt-aug', 'plugins'));
    expect(dataDir({ PA_DATA_DIR: '/d', XDG_DATA_HOME: '/xdg' })).toBe('/xdg/prompt-aug');
    expect(datasetDir({ PA_DATA_DIR: '/d' })).toBe('/d');
    expect(datasetDir({ PA_DATA_DIR: '' })).toBeUndefined();
  });
});
