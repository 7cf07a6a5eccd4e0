import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDatasetFile } from '../../src/data/read-dataset-file.js';
import { escapeControl } from '../../src/util/escape-control.js';
import { useTempDirs } from './temp-dir.js';

const tempDir = useTempDirs();

describe('bad dataset lines are shown escaped, never obeyed by the terminal', () => {
  test('a line with ESC[2J (clear screen), a bell and a C1 control is quoted as \\x escapes', async () => {
    const file = join(await tempDir(), 'evil.jsonl');
    await writeFile(file, '{"problem":"1+1?","answer":"2"}\n\u001b[2J\u0007\u009b31m not json\n');
    const error = (await readDatasetFile(file).then(() => undefined, (e: unknown) => e as Error))!;
    expect(error.message).toContain('line 2');
    expect(error.message).toContain('\\x1b[2J');
    expect(error.message).toContain('\\x07');
    expect(error.message).toContain('\\x9b');
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  test('skipped rows come back as warnings with the same escaping', async () => {
    const file = join(await tempDir(), 'evil.jsonl');
    await writeFile(file, '{"problem":"1+1?","answer":"2"}\n\u001b]0;pwned\u0007\n');
    const { records, warnings } = await readDatasetFile(file, { onBadRow: 'skip' });
    expect(records).toHaveLength(1);
    expect(warnings[0]!.message).toContain('\\x1b]0;pwned\\x07');
  });

  test('escapeControl: worked examples', () => {
    expect(escapeControl('a\u001b[0mb')).toBe('a\\x1b[0mb');
    expect(escapeControl('tab\there\r\n')).toBe('tab\\x09here\\x0d\\x0a');
    expect(escapeControl('rtl\u202eoverride')).toBe('rtl\\u202eoverride');
    expect(escapeControl('plain ünïcode ∑')).toBe('plain ünïcode ∑');
  });
});
