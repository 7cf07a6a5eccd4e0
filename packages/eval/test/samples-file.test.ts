import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSamples, type SampleRecord } from '../src/index.js';
import { tempDir } from './helpers/fixtures.js';

const record = (id: string, run = 0, sample = 0): SampleRecord => ({ benchmark: 'amc', id, run, sample, prompt: 'p', response: 'r', extracted: null, correct: false, tokens: 1, finishReason: 'eos', ms: 0 });
const line = (r: SampleRecord) => JSON.stringify(r) + '\n';

describe('readSamples', () => {
  it('a missing file is an empty run', async () => {
    expect(await readSamples(join(tempDir(), 'samples.jsonl'))).toEqual({ samples: [], droppedTornLine: false, intactBytes: 0, lines: [], duplicates: [] });
  });

  it('drops a torn last line (even one that parses) and reports the intact byte length', async () => {
    const path = join(tempDir(), 'samples.jsonl');
    const intact = line(record('a')) + line(record('b'));
    await writeFile(path, intact + line(record('c')).slice(0, -1)); // complete JSON, but no newline: the write was cut
    const got = await readSamples(path);
    expect(got.samples.map((s) => s.id)).toEqual(['a', 'b']);
    expect(got.droppedTornLine).toBe(true);
    expect(got.intactBytes).toBe(Buffer.byteLength(intact));
    await writeFile(path, intact + '{"benchmark": "amc", "id": "c", "ru');
    expect((await readSamples(path)).samples).toHaveLength(2);
  });

  it('keeps the last of duplicate keys, and counts bytes of multi-byte text right', async () => {
    const path = join(tempDir(), 'samples.jsonl');
    const text = line({ ...record('a'), response: 'π ≤ 日本' }) + line({ ...record('a'), response: 'second' }) + line(record('a', 1));
    await writeFile(path, text);
    const got = await readSamples(path);
    expect(got.samples.map((s) => [s.id, s.run, s.response])).toEqual([['a', 0, 'second'], ['a', 1, 'r']]);
    expect(got.lines).toEqual([2, 3]);
    expect(got.duplicates).toEqual([{ line: 2, firstLine: 1, key: 'amc\u0000a\u00000\u00000' }]);
    expect(got.intactBytes).toBe(Buffer.byteLength(await readFile(path)));
  });

  it('a broken line before the end is a UserError naming the file and line', async () => {
    const path = join(tempDir(), 'samples.jsonl');
    await writeFile(path, line(record('a')) + 'garbage\n' + line(record('b')));
    await expect(readSamples(path)).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('samples.jsonl line 2 is not a complete sample record') });
  });
});
