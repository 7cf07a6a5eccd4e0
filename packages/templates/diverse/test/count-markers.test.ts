import { describe, expect, it } from 'vitest';
import { countOccurrences, exactlyOnceReward } from '../src/count-markers.js';

describe('countOccurrences (Python str.count semantics)', () => {
  it('counts non-overlapping occurrences left to right', () => {
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
    expect(countOccurrences('aaa', 'aa')).toBe(1);
    expect(countOccurrences('a<b>a<b>', '<b>')).toBe(2);
    expect(countOccurrences('', '<b>')).toBe(0);
    expect(countOccurrences('</think>', '<think>')).toBe(0);
  });
});

describe('exactlyOnceReward', () => {
  it('gives each marker seen exactly once an equal share', () => {
    const r = exactlyOnceReward(['A', 'B', 'C', 'D']);
    expect(r('A B C D')).toBe(1);
    expect(r('A B C')).toBe(0.75);
    expect(r('A A B')).toBe(0.25);
    expect(r('')).toBe(0);
  });
});
