import { describe, expect, it } from 'vitest';
import { fmix32, hashToUnit } from '../../src/templates/hash-to-unit.js';

describe('fmix32', () => {
  // Published MurmurHash3_x86_32 vectors for the empty input: the hash is fmix32(seed ^ 0).
  it('matches MurmurHash3_x86_32("", seed) for the published seeds', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });
});

describe('hashToUnit', () => {
  it('is deterministic and lies in [0, 1)', () => {
    for (let i = 0; i < 1000; i++) {
      const u = hashToUnit([42, 3, i]);
      expect(u).toBe(hashToUnit([42, 3, i]));
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('separates keys above 2^32 and neighbouring tuples', () => {
    expect(hashToUnit([2 ** 32 + 5])).not.toBe(hashToUnit([5]));
    expect(hashToUnit([1, 2])).not.toBe(hashToUnit([2, 1]));
    expect(hashToUnit([1, 0])).not.toBe(hashToUnit([1, 0, 0]));
  });

  it('spreads consecutive keys evenly over ten bins (chi-square, 9 dof, p = 0.001 bound 27.88)', () => {
    const n = 50_000;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) bins[Math.floor(hashToUnit([7, 0, i]) * 10)]!++;
    const expected = n / 10;
    const chi2 = bins.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.88);
  });
});
