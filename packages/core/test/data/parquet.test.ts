import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { readDatasetFile } from '../../src/data/read-dataset-file.js';
import { sharedFile } from './shared-data.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();

type Row = Record<string, unknown>;
const utf8 = (name: string, repetition_type: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL') => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type });
const listOf = (name: string) => [
  { name, repetition_type: 'OPTIONAL' as const, converted_type: 'LIST' as const, num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED' as const, num_children: 1 },
];

async function firstRows(relative: string, count: number): Promise<Row[]> {
  const lines = (await readFile(sharedFile(relative), 'utf8')).split('\n').filter(Boolean);
  return lines.slice(0, count).map((line) => JSON.parse(line) as Row);
}

/** The same rows as `<stem>.jsonl` and `<stem>.parquet` in one folder, so derived ids match too. */
async function writeBoth(stem: string, rows: Row[], parquet: ArrayBuffer): Promise<{ jsonl: string; parquet: string }> {
  const dir = await tempDir();
  const files = { jsonl: join(dir, `${stem}.jsonl`), parquet: join(dir, `${stem}.parquet`) };
  await writeFile(files.jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await writeFile(files.parquet, new Uint8Array(parquet));
  return files;
}

const column = (rows: Row[], name: string) => ({ name, data: rows.map((r) => r[name] ?? null) });

describe('parquet datasets read to the same records as their JSONL equivalent', () => {
  test('AMC rows: float64 answers (142.0) and difficulties', async () => {
    const rows = await firstRows('benchmarks/amc.jsonl', 40);
    const buffer = parquetWriteBuffer({
      columnData: [column(rows, 'problem'), column(rows, 'answer'), column(rows, 'difficulty')],
      schema: [
        { name: 'root', num_children: 3 },
        utf8('problem', 'REQUIRED'),
        { name: 'answer', type: 'DOUBLE', repetition_type: 'REQUIRED' },
        { name: 'difficulty', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      ],
    });
    const files = await writeBoth('amc', rows, buffer);
    const fromParquet = await readDatasetFile(files.parquet);
    expect(fromParquet.format).toBe('parquet');
    expect(fromParquet.records).toEqual((await readDatasetFile(files.jsonl)).records);
    expect(fromParquet.records[0]!.answers).toEqual(['142']);
  });

  test('Minerva rows: list<string> answers, GZIP-compressed (needs hyparquet-compressors)', async () => {
    const rows = await firstRows('benchmarks/minerva.jsonl', 272);
    const buffer = parquetWriteBuffer({
      columnData: [column(rows, 'problem'), column(rows, 'answer')],
      schema: [{ name: 'root', num_children: 2 }, utf8('problem', 'REQUIRED'), ...listOf('answer'), utf8('element')],
      codec: 'GZIP',
      compressors: { GZIP: (bytes: Uint8Array) => gzipSync(bytes) },
    });
    const files = await writeBoth('minerva', rows, buffer);
    const fromParquet = await readDatasetFile(files.parquet);
    expect(fromParquet.records).toHaveLength(272);
    expect(fromParquet.records).toEqual((await readDatasetFile(files.jsonl)).records);
  });

  test('MATH L3-5 rows: verl nesting (list of message structs, structs, int64 column)', async () => {
    const rows = (await firstRows('train/math_level3to5.train.jsonl', 25)).map((r, i) => ({ ...r, row_number: BigInt(i) }));
    const buffer = parquetWriteBuffer({
      columnData: ['question', 'data_source', 'prompt', 'ability', 'reward_model', 'extra_info', 'row_number'].map((n) => column(rows, n)),
      schema: [
        { name: 'root', num_children: 7 },
        utf8('question'), utf8('data_source'),
        ...listOf('prompt'), { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 }, utf8('content'), utf8('role'),
        utf8('ability'),
        { name: 'reward_model', repetition_type: 'OPTIONAL', num_children: 2 }, utf8('ground_truth'), utf8('style'),
        { name: 'extra_info', repetition_type: 'OPTIONAL', num_children: 2 }, utf8('index'), utf8('original_source'),
        { name: 'row_number', type: 'INT64', repetition_type: 'REQUIRED' },
      ],
    });
    const jsonRows = rows.map((r) => ({ ...r, row_number: Number(r.row_number) }));
    const files = await writeBoth('math_level3to5.train', jsonRows, buffer);
    const fromParquet = await readDatasetFile(files.parquet);
    expect(fromParquet.records).toEqual((await readDatasetFile(files.jsonl)).records);
    // INT64 arrives as bigint from hyparquet; records must stay JSON-serialisable.
    expect(fromParquet.records[3]!.meta.row_number).toBe(3);
    expect(() => JSON.stringify(fromParquet.records)).not.toThrow();
  });

  test('a file that is not parquet is a UserError naming it', async () => {
    const file = join(await tempDir(), 'fake.parquet');
    await writeFile(file, 'not parquet at all');
    await expect(readDatasetFile(file)).rejects.toThrow(`Dataset file ${file} is not a readable Parquet file`);
  });
});
