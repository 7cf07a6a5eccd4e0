import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreResponses, type EvalOutcome } from '../src/index.js';
import { realPlugins, tempDir } from './helpers/fixtures.js';

/**
 * `pa eval --responses` reports prompt-aug's corrected grader and the paper's protocol side by
 * side, with a reason per difference. Self-contained: the benchmark files are written here.
 * Paper-protocol verdicts come from the paper's released grader run on these exact pairs
 * (../shared/reference/paper-graders/grade.py --mode eval): math500 #0 false (the last box never closes),
 * minerva #0 true (the gold's trailing newline makes Math-Verify read it as the lone number 10),
 * minerva #1 false (the newline switches Math-Verify off), the rest true. The corrected verdicts
 * follow from the maths: the response's answer is its closed box 4; 10 != 1.07e16; 2C/(3S) == (2/3)(C/S).
 */
const BENCHMARK_ROWS = {
  math500: [{ problem: 'p0', answer: '4' }, { problem: 'p1', answer: '5' }],
  minerva: [{ problem: 'm0', answer: ['1.07 \\times 10^{16}\n'] }, { problem: 'm1', answer: ['\\frac{2}{3} \\frac{C}{S}\n'] }],
  amc: [{ problem: 'a0', answer: 142 }],
};
const RESPONSES = [
  { benchmark: 'math500', id: 0, response: 'So the answer is \\boxed{4}. To double-check, write \\boxed{' },
  { benchmark: 'math500', id: 1, response: 'so \\boxed{5}' },
  { benchmark: 'minerva', id: 0, response: 'roughly \\boxed{10}' },
  { benchmark: 'minerva', id: 1, response: '\\boxed{\\frac{2C}{3S}}' },
  { benchmark: 'amc', id: 0, response: '\\boxed{142}' },
];

describe('both graders by default', () => {
  let outcome: EvalOutcome;
  let outDir: string;

  beforeAll(async () => {
    const dir = tempDir();
    for (const [name, rows] of Object.entries(BENCHMARK_ROWS)) {
      await writeFile(join(dir, `${name}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    const file = join(dir, 'responses.jsonl');
    await writeFile(file, RESPONSES.map((r) => JSON.stringify(r)).join('\n') + '\n');
    outDir = join(dir, 'out');
    outcome = await scoreResponses({ responsesFile: file, outDir, benchmarks: { dataDir: dir }, plugins: await realPlugins() });
  });

  it('gives per-benchmark, per-benchmark-mean and per-question accuracy under each grader', () => {
    const r = outcome.results;
    expect(r.config.grader).toBe('eval');
    expect(Object.fromEntries(Object.entries(r.benchmarks).map(([n, b]) => [n, b.accuracy]))).toEqual({ math500: 100, minerva: 50, amc: 100 });
    expect(r.perQuestionAccuracy).toBeCloseTo((100 * 4) / 5, 10);
    expect(r.secondGrader?.grader).toBe('paper');
    expect(Object.fromEntries(Object.entries(r.secondGrader!.benchmarks).map(([n, b]) => [n, b.accuracy]))).toEqual({ math500: 50, minerva: 50, amc: 100 });
    expect(r.secondGrader!.perBenchmarkAccuracy).toBeCloseTo((50 + 50 + 100) / 3, 10);
    expect(r.secondGrader!.perQuestionAccuracy).toBeCloseTo((100 * 3) / 5, 10);
  });

  it('lists each difference with its reason code in results.json, the table and the report', async () => {
    const diffs = outcome.results.secondGrader!.differences;
    expect(diffs.list.map((d) => [d.benchmark, d.id, d.reason, d.primary.correct, d.second.correct])).toEqual([
      ['math500', 'math500-0', 'unclosed-last-box', true, false],
      ['minerva', 'minerva-0', 'official-gold-newline', false, true],
      ['minerva', 'minerva-1', 'official-gold-newline', true, false],
    ]);
    expect(diffs.byReason).toEqual({ 'unclosed-last-box': 1, 'official-gold-newline': 2 });
    const saved = JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8'));
    expect(saved.secondGrader.differences.count).toBe(3);
    expect(outcome.table).toContain('paper grader');
    expect(outcome.table).toContain('3 responses graded differently (official-gold-newline 2, unclosed-last-box 1)');
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    expect(html).toContain('data-reason-count="official-gold-newline">2<');
    expect(html).toContain('href="#q-minerva-minerva-1"');
    expect(html).toContain('id="q-minerva-minerva-1"');
  });

  it('--grader paper makes the paper protocol the headline and the corrected grader the second', async () => {
    const dir = tempDir();
    for (const [name, rows] of Object.entries(BENCHMARK_ROWS)) {
      await writeFile(join(dir, `${name}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    const file = join(dir, 'responses.jsonl');
    await writeFile(file, RESPONSES.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const paper = await scoreResponses({ responsesFile: file, outDir: join(dir, 'out'), benchmarks: { dataDir: dir }, plugins: await realPlugins(), grader: 'paper' });
    expect(paper.results.perQuestionAccuracy).toBeCloseTo(60, 10);
    expect(paper.results.secondGrader?.grader).toBe('eval');
    expect(paper.results.secondGrader!.perQuestionAccuracy).toBeCloseTo(80, 10);
    expect(paper.results.secondGrader!.differences.byReason).toEqual({ 'unclosed-last-box': 1, 'official-gold-newline': 2 });
  });
});
