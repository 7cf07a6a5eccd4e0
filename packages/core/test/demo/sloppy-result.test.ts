import { describe, expect, it } from 'vitest';
import { sloppyResult } from '../../src/demo/sloppy-result.js';
import { SeededRandom } from '../../src/util/random.js';

const problem = (answer: number) => ({ id: `p${answer}`, problem: '', answers: [String(answer)], meta: {} });

function draws(answer: number, n: number) {
  const answerOf = sloppyResult({ rightRate: 0.1, offsets: [-2, -1, 1, 2] });
  const random = new SeededRandom(7);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const value = Number(answerOf(problem(answer), random));
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

describe('sloppyResult', () => {
  it('is right at the given rate and otherwise off by one of the offsets, each equally often', () => {
    const n = 40_000;
    const counts = draws(5, n);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7]);
    // Binomial standard deviations: √(n·0.1·0.9)/n ≈ 0.0015 and √(n·0.225·0.775)/n ≈ 0.0021.
    expect(counts.get(5)! / n).toBeCloseTo(0.1, 2);
    for (const wrong of [3, 4, 6, 7]) expect(Math.abs(counts.get(wrong)! / n - 0.225)).toBeLessThan(0.01);
  });

  it('flips an offset that would go below zero, so results stay natural numbers', () => {
    const counts = draws(0, 10_000);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2]);
    expect(Math.abs(counts.get(1)! / 10_000 - 0.45)).toBeLessThan(0.02);
  });

  it('refuses a rate outside [0, 1] and zero or fractional offsets', () => {
    expect(() => sloppyResult({ rightRate: 1.5, offsets: [1] })).toThrow(/rightRate/);
    expect(() => sloppyResult({ rightRate: 0.1, offsets: [0, 1] })).toThrow(/offsets/);
    expect(() => sloppyResult({ rightRate: 0.1, offsets: [] })).toThrow(/offsets/);
  });
});
