import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifierPlugin } from '@prompt-aug/plugin-api';
import { readVerifyCases } from '../../src/verify/read-verify-cases.js';
import { summarizeVerdicts } from '../../src/verify/summarize-verdicts.js';
import { verifyCase } from '../../src/verify/verify-case.js';
import { tempDir } from '../plugin/fixtures.js';

// A deliberately simple verifier: the response must equal one of the golds exactly.
const exactVerifier: VerifierPlugin = {
  kind: 'verifier', name: 'exact', version: '1.0.0', apiVersion: 1,
  extract: (response) => response,
  verify: (gold, response, opts) => {
    const golds = Array.isArray(gold) ? gold : [gold];
    const ok = golds.includes(response);
    return { correct: ok, extracted: response, reason: `${opts?.mode}/${opts?.kind}/${opts?.template?.answerFormat?.introducedBy ?? '-'}` };
  },
};

function writeCases(lines: string[]): string {
  const file = join(tempDir(), 'cases.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('pa verify cases', () => {
  it('counts accuracy, false positives and false negatives overall and per category', () => {
    const file = writeCases([
      JSON.stringify({ id: 'a', gold: '1', response: '1', expected: true, category: 'int' }), // agree
      JSON.stringify({ id: 'b', gold: '1', response: '2', expected: true, category: 'int' }), // FN
      JSON.stringify({ id: 'c', gold: '3', response: '3', expected: false, category: 'frac' }), // FP
      '',
      JSON.stringify({ gold: ['x', 'y'], response: 'y', expected: true, category: 'frac', extra: 'ignored' }), // agree
      JSON.stringify({ gold: '5', response: '5' }), // unlabelled
    ]);
    const cases = readVerifyCases(file);
    expect(cases).toHaveLength(5);
    const verdicts = cases.map((c, i) => verifyCase(exactVerifier, c, i));
    expect(verdicts.map((v) => v.id)).toEqual(['a', 'b', 'c', '4', '5']);
    const summary = summarizeVerdicts(cases, verdicts);
    expect(summary.labelled).toEqual({ total: 4, agree: 2, accuracy: 0.5, falsePositives: 1, falseNegatives: 1 });
    expect(summary.byCategory.int).toEqual({ total: 2, agree: 1, accuracy: 0.5, falsePositives: 0, falseNegatives: 1 });
    expect(summary.byCategory.frac).toEqual({ total: 2, agree: 1, accuracy: 0.5, falsePositives: 1, falseNegatives: 0 });
    expect(summary.cases).toBe(5);
    expect(summary.correct).toBe(4);
  });

  it('passes mode, kind and the template answer format through, case fields over defaults', () => {
    const [c] = readVerifyCases(writeCases([JSON.stringify({ gold: '1', response: '1', mode: 'train', template: 'fa' })]));
    const formats = new Map([['fa', { boxed: true, introducedBy: 'The final answer is:' }]]);
    const verdict = verifyCase(exactVerifier, c!, 0, { mode: 'eval', kind: 'answer', answerFormats: formats });
    expect(verdict.reason).toBe('train/answer/The final answer is:');
  });

  it('names the file, the line and the field of a bad line', () => {
    const file = writeCases([JSON.stringify({ gold: '1', response: '1' }), JSON.stringify({ gold: '1' })]);
    expect(() => readVerifyCases(file)).toThrow(`${file} line 2: "response" is missing`);
    const bad = writeCases(['{"gold": "1", "response": "1", "kind": "solution"}']);
    expect(() => readVerifyCases(bad)).toThrow('"kind" must be "answer" or "response", got "solution"');
    const broken = writeCases(['{nope']);
    expect(() => readVerifyCases(broken)).toThrow(`${broken} line 1: not valid JSON`);
  });
  it('keeps number golds as numbers, accepts mode "paper" and echoes "benchmark" in the verdict', () => {
    const seen: unknown[] = [];
    const recording: VerifierPlugin = { ...exactVerifier, verify: (gold, response, opts) => (seen.push([gold, opts?.mode]), exactVerifier.verify(gold, response, opts)) };
    const file = writeCases([JSON.stringify({ id: 'amc', benchmark: 'amc', gold: 142, response: '142', mode: 'paper' })]);
    const [c] = readVerifyCases(file);
    expect(c).toMatchObject({ gold: 142, benchmark: 'amc', mode: 'paper' });
    expect(verifyCase(recording, c!, 0)).toMatchObject({ id: 'amc', benchmark: 'amc' });
    expect(seen).toEqual([[142, 'paper']]);
    expect(() => readVerifyCases(writeCases([JSON.stringify({ gold: '1', response: '1', benchmark: 3 })]))).toThrow(/"benchmark" must be a string/);
  });
});
