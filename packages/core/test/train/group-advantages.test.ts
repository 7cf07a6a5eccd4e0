import { describe, expect, it } from 'vitest';
import { groupAdvantages } from '../../src/train/group-advantages.js';

describe('groupAdvantages', () => {
  it('matches hand-computed GRPO advantages with the n−1 standard deviation', () => {
    // Group a: rewards 1, 0, 0, 1 → mean 0.5; Σ(r−m)² = 4·0.25 = 1; std = sqrt(1/3) = 0.5773502692
    // A = ±0.5 / (0.5773502692 + 1e-6) = ±0.8660239...
    const expected = 0.5 / (Math.sqrt(1 / 3) + 1e-6);
    const a = groupAdvantages([1, 0, 0, 1], ['a', 'a', 'a', 'a']);
    expect(a[0]).toBeCloseTo(expected, 12);
    expect(a[1]).toBeCloseTo(-expected, 12);
    expect(expected).toBeCloseTo(0.866023903, 8);
  });

  it('handles groups scattered through the batch', () => {
    // group 1: rewards 2 and 0 at positions 0, 3 → mean 1, std sqrt(2) → ±1/(1.41421356+1e-6)
    // group 2: rewards 1, 1, 1 at positions 1, 2, 4 → all zero
    const a = groupAdvantages([2, 1, 1, 0, 1], [1, 2, 2, 1, 2]);
    const g1 = 1 / (Math.SQRT2 + 1e-6);
    expect(a[0]).toBeCloseTo(g1, 12);
    expect(a[3]).toBeCloseTo(-g1, 12);
    expect([a[1], a[2], a[4]]).toEqual([0, 0, 0]);
  });

  it('keeps the raw reward for a group of one (mean 0, std 1)', () => {
    const a = groupAdvantages([1.75, 0.5, 1.5], ['x', 'y', 'y']);
    expect(a[0]).toBeCloseTo(1.75 / (1 + 1e-6), 12);
  });

  it('Dr. GRPO: centres without dividing by the standard deviation', () => {
    // rewards 2, 1.25, 0 → mean 1.0833333…
    const a = groupAdvantages([2, 1.25, 0], [0, 0, 0], { normalizeByStd: false });
    expect(a[0]).toBeCloseTo(2 - 3.25 / 3, 12);
    expect(a[1]).toBeCloseTo(1.25 - 3.25 / 3, 12);
    expect(a[2]).toBeCloseTo(-3.25 / 3, 12);
  });

  it('gives zero advantage to all-correct and all-wrong groups', () => {
    expect(groupAdvantages([2, 2, 2, 0, 0, 0], [0, 0, 0, 1, 1, 1])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses mismatched lengths', () => {
    expect(() => groupAdvantages([1, 2], [0])).toThrow('2 rewards but 1 group ids');
  });
});
