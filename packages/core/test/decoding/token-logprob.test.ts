import { describe, expect, it } from 'vitest';
import { tokenLogprob } from '../../src/decoding/token-logprob.js';

describe('tokenLogprob', () => {
  it('gives log p and −Σ p log p of softmax(logits) (p = 1/6, 2/6, 3/6 by hand)', () => {
    const p = [1 / 6, 2 / 6, 3 / 6];
    const { logprob, entropy } = tokenLogprob([0, Math.log(2), Math.log(3)], 2);
    expect(logprob).toBeCloseTo(Math.log(0.5), 12);
    expect(entropy).toBeCloseTo(-p.reduce((s, q) => s + q * Math.log(q), 0), 12);
  });

  it('divides the logits by the temperature first (T = 2: weights 1, √2, √3)', () => {
    const w = [1, Math.SQRT2, Math.sqrt(3)];
    const total = w[0]! + w[1]! + w[2]!;
    const p = w.map((x) => x / total);
    const { logprob, entropy } = tokenLogprob([0, Math.log(2), Math.log(3)], 0, 2);
    expect(logprob).toBeCloseTo(Math.log(p[0]!), 12);
    expect(entropy).toBeCloseTo(-p.reduce((s, q) => s + q * Math.log(q), 0), 12);
  });

  it('stays exact for large logits and ignores −∞ ones', () => {
    expect(tokenLogprob([1000, 1000], 1).logprob).toBeCloseTo(Math.log(0.5), 12);
    const masked = tokenLogprob([0, 0, -Infinity], 1);
    expect(masked.logprob).toBeCloseTo(Math.log(0.5), 12);
    expect(masked.entropy).toBeCloseTo(Math.log(2), 12);
  });

  it('refuses a token outside the logits and a non-positive temperature', () => {
    expect(() => tokenLogprob([0, 1], 2)).toThrow(/outside the 2 logits/);
    expect(() => tokenLogprob([0, 1], 0, 0)).toThrow(/temperature must be positive/);
  });
});
