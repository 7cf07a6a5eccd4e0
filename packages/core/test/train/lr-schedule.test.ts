import { describe, expect, it } from 'vitest';
import { learningRateAt } from '../../src/train/lr-schedule.js';

const base = { lr: 1e-3, warmupSteps: 0, minLrRatio: 0 };

describe('learningRateAt', () => {
  it('constant stays at lr; warm-up rises linearly to it, the first step already moving', () => {
    expect([0, 5, 99].map((i) => learningRateAt(i, 100, { ...base, schedule: 'constant' }))).toEqual([1e-3, 1e-3, 1e-3]);
    const warm = { ...base, schedule: 'constant' as const, warmupSteps: 4 };
    expect([0, 1, 2, 3, 4, 50].map((i) => learningRateAt(i, 100, warm))).toEqual([2.5e-4, 5e-4, 7.5e-4, 1e-3, 1e-3, 1e-3]);
  });

  it('cosine goes from lr to lr·minLrRatio over the steps after warm-up (hand-computed points)', () => {
    // 2 warm-up steps, then 9 decay steps (indices 2..10): progress (i−2)/8.
    const cosine = { lr: 1, schedule: 'cosine' as const, warmupSteps: 2, minLrRatio: 0.1 };
    expect(learningRateAt(2, 11, cosine)).toBeCloseTo(1, 12);
    expect(learningRateAt(6, 11, cosine)).toBeCloseTo(0.1 + 0.9 * 0.5, 12); // progress 1/2: cos(π/2) = 0
    expect(learningRateAt(4, 11, cosine)).toBeCloseTo(0.1 + 0.9 * 0.5 * (1 + Math.SQRT1_2), 12); // progress 1/4
    expect(learningRateAt(10, 11, cosine)).toBeCloseTo(0.1, 12);
  });

  it('linear decays in equal steps to lr·minLrRatio', () => {
    const linear = { lr: 1, schedule: 'linear' as const, warmupSteps: 0, minLrRatio: 0 };
    expect([0, 1, 2, 3, 4].map((i) => learningRateAt(i, 5, linear))).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
});
