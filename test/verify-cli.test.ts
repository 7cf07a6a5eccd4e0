import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runPa, localDataFile, tempDir } from './helpers/run-pa.js';

describe('pa verify', () => {
  it('grades one response and explains the verdict', () => {
    const ok = runPa(['verify', '\\frac{1}{2}', 'so the answer is \\boxed{0.5}']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^correct\nextracted: 0\.5\nreason: /);
    const wrong = parseJson<{ correct: boolean; extracted: string | null }>(runPa(['verify', '42', 'I think \\boxed{41} or \\boxed{42}', '--json']));
    expect(wrong.correct).toBe(false);
  });

  it('scores a labelled cases file, writes verdicts in input order and reports per category', () => {
    const input = localDataFile('verifier/dev_cases.jsonl');
    const lines = readFileSync(input, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; expected: boolean; category: string });
    const output = join(tempDir(), 'verdicts.jsonl');
    const result = runPa(['verify', '--input', input, '--output', output, '--mode', 'train', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = parseJson<{ summary: { cases: number; labelled: { total: number; accuracy: number; falsePositives: number }; byCategory: Record<string, { total: number }> } }>(result).summary;
    expect(summary.cases).toBe(lines.length);
    expect(summary.labelled.total).toBe(lines.length);
    expect(summary.labelled.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(summary.labelled.falsePositives).toBe(0);
    const categories = new Set(lines.map((l) => l.category));
    expect(Object.keys(summary.byCategory).sort()).toEqual([...categories].sort());
    const verdicts = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; correct: boolean });
    expect(verdicts.map((v) => v.id)).toEqual(lines.map((l) => l.id));
    // The summary's agreement count must be what the written verdicts say against the labels.
    const agree = verdicts.filter((v, i) => v.correct === lines[i]!.expected).length;
    expect(summary.labelled.accuracy).toBeCloseTo(agree / lines.length, 12);
  });

  it('--mode paper grades as the paper did: number golds as float64, benchmark carried to the verdicts', () => {
    const dir = tempDir();
    const file = join(dir, 'paper.jsonl');
    // Verdicts from the paper's released grader (../shared/reference/paper-graders/grade.py --mode eval)
    // on these exact lines: true (AMC 142 read as "142.0"), true (Minerva gold read as the lone
    // number 10), false (an earlier box does not count).
    const lines = [
      { id: 'amc', benchmark: 'amc', gold: 142, response: 'so \\boxed{142}' },
      { id: 'minerva', benchmark: 'minerva', gold: ['1.07 \\times 10^{16}\n'], response: '\\boxed{10}' },
      { id: 'last', benchmark: 'math500', gold: '3', response: 'First \\boxed{3}. On reflection the result is \\boxed{4}.' },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const result = runPa(['verify', '--input', file, '--mode', 'paper', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const verdicts = parseJson<{ verdicts: { id: string; correct: boolean; benchmark: string }[] }>(result).verdicts;
    expect(verdicts.map((v) => [v.id, v.correct, v.benchmark])).toEqual([['amc', true, 'amc'], ['minerva', true, 'minerva'], ['last', false, 'math500']]);
  });

  it('names the line and field of a bad cases file', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"gold": "1", "response": "1"}\n{"gold": "2"}\n');
    const result = runPa(['verify', '--input', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file} line 2: "response" is missing`);
    // The paragraph ends with the error's code, which docs/errors.md explains.
    expect(result.stderr.trimEnd()).toMatch(/ \[PA_VERIFY_INPUT\]$/);
  });
});
