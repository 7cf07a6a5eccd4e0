import { describe, expect, test } from 'vitest';
import { BENCHMARKS } from '../../src/data/dataset-registry.js';
import { readDatasetFile } from '../../src/data/read-dataset-file.js';
import { sharedFile } from './shared-data.js';

// Counts from shared/data/README.md and research-notes/paper.md §6.2.
const EXPECTED = { aime24: 30, amc: 83, math500: 500, minerva: 272, olympiadbench: 675 };

describe('the five benchmark files in shared/data', () => {
  test.each(Object.entries(EXPECTED))('%s has %i records, all with non-empty string answers', async (name, count) => {
    const { records, warnings } = await readDatasetFile(sharedFile(`benchmarks/${name}.jsonl`));
    expect(records).toHaveLength(count);
    expect(warnings).toEqual([]);
    for (const record of records) {
      expect(record.answers.length).toBeGreaterThan(0);
      for (const answer of record.answers) {
        expect(typeof answer).toBe('string');
        expect(answer.trim()).not.toBe('');
      }
      expect(record.problem.trim()).not.toBe('');
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(count);
  });

  test('BENCHMARKS lists the five in the paper order with their sizes (1,560 questions)', () => {
    expect(BENCHMARKS).toEqual(Object.entries(EXPECTED).map(([name, size]) => ({ name, size })));
    expect(BENCHMARKS.reduce((sum, b) => sum + b.size, 0)).toBe(1560);
  });

  test('AMC float answers become canonical integer strings; the source number stays in meta', async () => {
    const { records } = await readDatasetFile(sharedFile('benchmarks/amc.jsonl'));
    expect(records[0]).toMatchObject({ id: 'amc-0', answers: ['142'], meta: { originalAnswer: 142, difficulty: 2 } });
    expect(records[1]!.answers).toEqual(['144']);
    expect(records.every((r) => /^-?\d+$/.test(r.answers[0]!))).toBe(true);
  });

  test('Minerva keeps every alternative answer exactly (197 rows with 1, 71 with 2, 4 with 3)', async () => {
    const { records } = await readDatasetFile(sharedFile('benchmarks/minerva.jsonl'));
    const byCount = new Map<number, number>();
    for (const r of records) byCount.set(r.answers.length, (byCount.get(r.answers.length) ?? 0) + 1);
    expect(Object.fromEntries(byCount)).toEqual({ 1: 197, 2: 71, 3: 4 });
    expect(records[0]!.answers).toEqual(['9.6\n']);
  });

  test('OlympiadBench lists hold exactly one answer; AIME and MATH500 strings pass through unchanged', async () => {
    const olympiad = await readDatasetFile(sharedFile('benchmarks/olympiadbench.jsonl'));
    expect(olympiad.records.every((r) => r.answers.length === 1)).toBe(true);
    expect(olympiad.records[0]!.answers).toEqual(['2']);
    const aime = await readDatasetFile(sharedFile('benchmarks/aime24.jsonl'));
    expect(aime.records[0]).toMatchObject({ id: 'aime24-0', answers: ['204'], meta: { difficulty: 2 } });
    const math500 = await readDatasetFile(sharedFile('benchmarks/math500.jsonl'));
    expect(math500.records[0]!.answers).toEqual(['\\left( 3, \\frac{\\pi}{2} \\right)']);
    expect(math500.records[0]!.problem).toMatch(/^Convert the point \$\(0,3\)\$ in rectangular/);
  });
});
