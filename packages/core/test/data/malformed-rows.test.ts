import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDatasetFile } from '../../src/data/read-dataset-file.js';
import { UserError } from '../../src/util/user-error.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();

async function writeData(name: string, text: string): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

// Line 1 ok, line 2 blank, line 3 no answer, line 4 not JSON, line 5 ok (CRLF), line 6 bad answer type.
const MIXED = [
  '{"problem":"1+1?","answer":"2"}',
  '',
  '{"problem":"2+2?","solution":"4"}',
  '{"problem":"3+3?", "answer":',
  '{"problem":"4+4?","answer":8}\r',
  '{"problem":"5+5?","answer":{"value":10}}',
  '',
].join('\n');

describe('malformed rows', () => {
  test('the first bad row throws a UserError naming the file, the 1-based line and the field, with the fix', async () => {
    const file = await writeData('mixed.jsonl', MIXED);
    const error = await readDatasetFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Dataset file ${file}, line 3: the row has no answer field (looked for answer, gt_answer, ground_truth, ` +
        'reward_model.ground_truth, final_answer). To fix it, add the field to the row, or name the column that holds it ' +
        "with --answer-field PATH (option answerField in code); or pass --on-bad-row skip to pa train (option onBadRow: 'skip' in code) " +
        'to drop bad rows and get them back as warnings.',
    );
  });

  test("onBadRow: 'skip' keeps the good rows and returns one warning per bad row as data", async () => {
    const file = await writeData('mixed.jsonl', MIXED);
    const { records, warnings } = await readDatasetFile(file, { onBadRow: 'skip' });
    expect(records.map((r) => [r.id, r.answers])).toEqual([['mixed-0', ['2']], ['mixed-3', ['8']]]);
    expect(warnings.map((w) => ({ line: w.line, row: w.row, field: w.field }))).toEqual([
      { line: 3, row: 1, field: 'answer' },
      { line: 4, row: 2, field: undefined },
      { line: 6, row: 4, field: 'answer' },
    ]);
    expect(warnings[1]!.message).toMatch(new RegExp(`^Dataset file .*mixed\\.jsonl, line 4: the line is not valid JSON \\(`));
    expect(warnings[2]!.message).toContain('line 6: field "answer" is of type object, not a string, a number or a list of them');
  });

  test('a .json array names the 0-based row; {data: [...]} and {rows: [...]} are read too', async () => {
    const bad = await writeData('bad.json', JSON.stringify([{ problem: 'a', answer: '1' }, { question: 'b' }]));
    await expect(readDatasetFile(bad)).rejects.toThrow(`Dataset file ${bad}, row 1 (0-based): the row has no answer field`);
    const data = await writeData('data.json', JSON.stringify({ data: [{ problem: 'a', answer: 1 }] }));
    expect((await readDatasetFile(data)).records).toEqual([{ id: 'data-0', problem: 'a', answers: ['1'], meta: { originalAnswer: 1 } }]);
    const rows = await writeData('rows.json', JSON.stringify({ rows: [{ problem: 'a', answer: 'x', id: 'r1' }] }));
    expect((await readDatasetFile(rows)).records[0]!.id).toBe('r1');
  });

  test('a .json file that is not JSON names its line; one of the wrong shape names its keys', async () => {
    const broken = await writeData('broken.json', '[\n  {"problem": "a", "answer": "1"},\n  {"problem": "b" "answer": "2"}\n]\n');
    await expect(readDatasetFile(broken)).rejects.toThrow(`Dataset file ${broken} is not valid JSON (line 3)`);
    const shape = await writeData('shape.json', '{"items": []}');
    await expect(readDatasetFile(shape)).rejects.toThrow('holds an object with keys items, but a .json dataset must be an array');
  });

  test('a missing file and an unknown extension are UserErrors naming the file', async () => {
    const dir = await tempDir();
    await expect(readDatasetFile(join(dir, 'none.jsonl'))).rejects.toThrow(`Dataset file ${join(dir, 'none.jsonl')} cannot be read (ENOENT)`);
    const csv = await writeData('x.csv', 'problem,answer\n');
    await expect(readDatasetFile(csv)).rejects.toThrow(`Dataset file ${csv} has an extension prompt-aug cannot read (.csv)`);
  });

  test('duplicate ids are reported as a warning, rows kept', async () => {
    const file = await writeData('dup.jsonl', '{"id":"a","problem":"p","answer":"1"}\n{"id":"a","problem":"q","answer":"2"}\n');
    const { records, warnings } = await readDatasetFile(file);
    expect(records).toHaveLength(2);
    expect(warnings).toMatchObject([{ field: 'id', reason: '1 duplicate ids' }]);
  });
});
