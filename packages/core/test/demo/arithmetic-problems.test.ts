import { describe, expect, it } from 'vitest';
import { arithmeticProblems } from '../../src/demo/index.js';
import { isUserError } from '../../src/index.js';

/** Re-derive the answer from the problem text alone, independently of how it was generated. */
function solve(problem: string): { a: number; op: string; b: number; answer: number } {
  const match = /^What is (\d+) ([+-]) (\d+)\?$/.exec(problem);
  if (!match) throw new Error(`unexpected problem text: ${problem}`);
  const a = Number(match[1]);
  const b = Number(match[3]);
  return { a, op: match[2]!, b, answer: match[2] === '+' ? a + b : a - b };
}

describe('arithmeticProblems', () => {
  const problems = arithmeticProblems({ count: 4_000, seed: 7, maxOperand: 20 });

  it('returns MathRecords whose single answer is the sum or difference the text asks for', () => {
    expect(problems).toHaveLength(4_000);
    expect(problems[0]).toEqual({ id: 'arithmetic-7-0', problem: expect.any(String), answers: [expect.any(String)], meta: expect.any(Object) });
    for (const { problem, answers, meta } of problems) {
      const { a, op, b, answer } = solve(problem);
      expect(answers).toEqual([String(answer)]);
      expect(meta).toEqual({ a, b, op });
      expect(a).toBeLessThanOrEqual(20);
      expect(b).toBeLessThanOrEqual(20);
      expect(answer).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(problems.map((p) => p.id)).size).toBe(4_000);
  });

  it('draws + and - about half the time each, and operands uniformly from 0..maxOperand', () => {
    // 4,000 fair coin flips: sd 31.6, so 2,000 ± 150 is a ±4.7 sd band. Operands: 21 values,
    // 8,000 draws, expect 381 each (sd ≈ 19); every value in 300..460 is a ±4 sd band.
    const minus = problems.filter((p) => p.meta.op === '-').length;
    expect(minus).toBeGreaterThan(1_850);
    expect(minus).toBeLessThan(2_150);
    const seen = new Array<number>(21).fill(0);
    for (const { meta } of problems) {
      // For '-' the operands are sorted, which keeps the multiset of drawn values.
      seen[meta.a as number]!++;
      seen[meta.b as number]!++;
    }
    for (const count of seen) {
      expect(count).toBeGreaterThan(300);
      expect(count).toBeLessThan(460);
    }
  });

  it('is reproducible from the seed, and another seed gives other problems', () => {
    const again = arithmeticProblems({ count: 50, seed: 7, maxOperand: 20 });
    expect(again).toEqual(problems.slice(0, 50));
    const other = arithmeticProblems({ count: 50, seed: 8, maxOperand: 20 });
    expect(other.map((p) => p.problem)).not.toEqual(again.map((p) => p.problem));
  });

  it('asks only for sums when subtraction is off; maxOperand 0 gives only 0 + 0', () => {
    expect(arithmeticProblems({ count: 200, seed: 1, maxOperand: 9, subtraction: false }).every((p) => p.meta.op === '+')).toBe(true);
    expect(arithmeticProblems({ count: 3, seed: 1, maxOperand: 0, subtraction: false }).map((p) => [p.problem, p.answers[0]]))
      .toEqual(Array(3).fill(['What is 0 + 0?', '0']));
  });

  it('rejects a bad count or maxOperand with a user error naming the option', () => {
    for (const options of [{ count: -1, maxOperand: 9 }, { count: 2.5, maxOperand: 9 }, { count: 10, maxOperand: -3 }]) {
      let error: unknown;
      try {
        arithmeticProblems({ ...options, seed: 1 });
      } catch (caught) {
        error = caught;
      }
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toMatch(options.count === 10 ? /maxOperand/ : /count/);
    }
  });
});
