import { describe, expect, it } from 'vitest';
import { trainStepStats } from '../src/index.js';

describe('trainStepStats', () => {
  it('divides the token sums by the response tokens (3 here) and passes the loss, norm and flag through', () => {
    const stats = trainStepStats({ responseMask: [[1, 1, 0], [1, 0, 0]] }, { loss: 0.25, clipped: 1, dual: 0, kl: -0.3, entropy: 6 }, 2.5, true);
    expect({ ...stats, approxKl: undefined }).toEqual({ loss: 0.25, clipFrac: 1 / 3, clipFracLower: 0, approxKl: undefined, gradNorm: 2.5, entropy: 2, applied: true });
    expect(stats.approxKl).toBeCloseTo(-0.1, 15);
  });

  it('a step with no response tokens reports zeros, not NaN', () => {
    const stats = trainStepStats({ responseMask: [[0, 0]] }, { loss: 0, clipped: 0, dual: 0, kl: 0, entropy: 0 }, Infinity, false);
    expect([stats.clipFrac, stats.approxKl, stats.entropy]).toEqual([0, 0, 0]);
    expect(stats.applied).toBe(false);
  });
});
