import { describe, expect, it } from 'vitest';
import { importanceWeights, mismatchJumped, mismatchMetrics } from '../../src/train/off-policy.js';

// Two sequences of two tokens. log r = trainer − engine: [0.5, 0] and [0, 2].
const trainer = [[-1, -2], [-0.5, -1]];
const engine = [[-1.5, -2], [-0.5, -3]];

describe('off-policy correction against a rollout engine (worked by hand)', () => {
  it('TIS: min(exp(trainer − engine), C) per token', () => {
    const w = importanceWeights(trainer, engine, 'tis', 2);
    expect(w[0]![0]).toBeCloseTo(1.6487212707, 9); // e^0.5
    expect(w[0]![1]).toBe(1);
    expect(w[1]).toEqual([1, 2]); // e^2 = 7.39 capped at 2
  });

  it('MIS: a sequence whose geometric-mean ratio leaves [1/C, C] is masked whole', () => {
    // Sequence 0: exp((0.5 + 0) / 2) = 1.284, kept; sequence 1: exp((0 + 2) / 2) = e = 2.718 > 2, masked.
    expect(importanceWeights(trainer, engine, 'mis', 2)).toEqual([[1, 1], [0, 0]]);
    expect(importanceWeights(trainer, engine, 'mis', 3)).toEqual([[1, 1], [1, 1]]);
    expect(importanceWeights(trainer, engine, 'none', 2)).toEqual([[1, 1], [1, 1]]);
  });

  it('mismatch: token-mean |Δ logp|, k3 KL(engine ‖ trainer), share of capped tokens', () => {
    const m = mismatchMetrics(trainer, engine, 2);
    expect(m.logpAbsDiff).toBeCloseTo((0.5 + 0 + 0 + 2) / 4, 12);
    // k3 = (r − 1) − log r: (e^0.5 − 1.5) + 0 + 0 + (e^2 − 3), over 4 tokens.
    expect(m.kl).toBeCloseTo(1.1344443424, 9);
    expect(m.cappedFraction).toBe(0.25);
    expect(mismatchMetrics([[-1]], [[-1]], 2)).toEqual({ logpAbsDiff: 0, kl: 0, cappedFraction: 0 });
  });

  it('a jump is more than 3× the mean so far and above the noise floor', () => {
    expect(mismatchJumped([], 0.5)).toBe(false);
    expect(mismatchJumped([0.01, 0.012], 0.02)).toBe(false);
    expect(mismatchJumped([0.01, 0.012], 0.04)).toBe(true);
    expect(mismatchJumped([0.001], 0.015)).toBe(false);
  });
});
