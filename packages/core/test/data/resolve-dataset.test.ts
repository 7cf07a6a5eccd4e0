import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findKnownDataset, KNOWN_DATASETS } from '../../src/data/dataset-registry.js';
import { localCandidates, resolveDataset } from '../../src/data/resolve-dataset.js';
import { SHARED_DATA, sharedFile } from './shared-data.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();
// Nothing listens on port 9 (discard): any attempt to download fails fast instead of reaching the Internet.
const offline = { ...process.env, HF_ENDPOINT: 'http://127.0.0.1:9', HF_TOKEN: '' };

describe('resolveDataset', () => {
  test.each([
    ['math-level3to5', 8523, 'train/math_level3to5.train.jsonl'],
    ['aime24', 30, 'benchmarks/aime24.jsonl'],
    ['amc', 83, 'benchmarks/amc.jsonl'],
    ['math500', 500, 'benchmarks/math500.jsonl'],
    ['minerva', 272, 'benchmarks/minerva.jsonl'],
    ['olympiadbench', 675, 'benchmarks/olympiadbench.jsonl'],
  ])('%s with --data-dir shared/data reads %i records from %s', async (name, count, relative) => {
    const result = await resolveDataset(name, { dataDir: SHARED_DATA, env: offline });
    expect(result).toMatchObject({ name, origin: 'data-dir', file: join(SHARED_DATA, relative) });
    expect(result.records).toHaveLength(count);
    expect(result.warnings.filter((w) => w.row === undefined)).toEqual([]); // no size mismatch
  });

  test('aliases and case are accepted (upstream split names)', async () => {
    expect(findKnownDataset('OLYMPIAD_BENCH')?.name).toBe('olympiadbench');
    expect(findKnownDataset('aime')?.name).toBe('aime24');
    expect(findKnownDataset('math_level3to5')?.name).toBe('math-level3to5');
    expect((await resolveDataset('Minerva', { dataDir: SHARED_DATA })).records).toHaveLength(272);
  });

  test('alternative local names are found: a flat folder with <name>.parquet or the Hub path', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'aime24.json'), JSON.stringify([{ problem: 'p', answer: '1' }]));
    const found = await resolveDataset('aime24', { dataDir: dir });
    expect(found.file).toBe(join(dir, 'aime24.json'));
    expect(found.warnings).toMatchObject([{ reason: "1 records where the paper's aime24 has 30" }]);
    const amc = findKnownDataset('amc')!;
    expect(localCandidates(amc, dir).at(-1)).toBe(join(dir, amc.path));
  });

  test('a path is read as is, and wins over a name', async () => {
    const result = await resolveDataset(sharedFile('benchmarks/amc.jsonl'));
    expect(result).toMatchObject({ origin: 'path' });
    expect(result.records).toHaveLength(83);
    expect(result.name).toBeUndefined();
  });

  test('--data-dir without the file lists where it looked and never downloads', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'benchmarks'));
    await expect(resolveDataset('minerva', { dataDir: dir, env: offline })).rejects.toThrow(
      `Dataset "minerva" has no local copy in --data-dir ${dir}: looked for ${localCandidates(findKnownDataset('minerva')!, dir).length} file names (benchmarks/minerva.jsonl,`,
    );
  });

  test('an unknown name suggests the closest known one; a missing path says it cannot be read', async () => {
    await expect(resolveDataset('aime25')).rejects.toThrow('"aime25" is neither an existing file nor a known dataset name (did you mean "aime24"?)');
    await expect(resolveDataset('./nope/aime24.jsonl')).rejects.toThrow('Dataset file ./nope/aime24.jsonl cannot be read (ENOENT)');
  });

  test('the registry has the six names, each with a Hub repo, a file path and local names', () => {
    expect(KNOWN_DATASETS.map((d) => d.name)).toEqual(['math-level3to5', 'aime24', 'amc', 'math500', 'minerva', 'olympiadbench']);
    for (const d of KNOWN_DATASETS) {
      expect(d.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(d.path).toMatch(/\.(jsonl|json|parquet)$/);
      expect(d.localFiles[0]).toMatch(d.kind === 'train' ? /^train\// : /^benchmarks\//);
    }
  });
});
