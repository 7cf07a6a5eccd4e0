import { SeededRandom } from '@prompt-aug/core';
import { describe, expect, it } from 'vitest';
import { argmax, sampleToken, samplingDistribution } from '../src/generate/sampler.js';

// Hand-worked: logits [2, 1, 0, −1] → softmax = [e², e, 1, e⁻¹] / 11.475217
//   = [0.643914, 0.236883, 0.087144, 0.032059].
const logits = [2, 1, 0, -1];

describe('sampling distribution (HF warper semantics)', () => {
  it('top-p 0.8 keeps the two tokens needed to reach 0.8: [e/(e+1), 1/(e+1)]', () => {
    const d = samplingDistribution(logits, { temperature: 1, topP: 0.8 });
    expect(d.ids).toEqual([0, 1]);
    expect(d.probs[0]).toBeCloseTo(0.731059, 6);
    expect(d.probs[1]).toBeCloseTo(0.268941, 6);
  });

  it('top-p 0.95 keeps three tokens (0.880797 < 0.95 ≤ 0.967941)', () => {
    const d = samplingDistribution(logits, { temperature: 1, topP: 0.95 });
    expect(d.ids).toEqual([0, 1, 2]);
    // [e², e, 1] / (e² + e + 1) = [0.665241, 0.244728, 0.090031]
    expect(d.probs.map((p) => +p.toFixed(6))).toEqual([0.665241, 0.244728, 0.090031]);
  });

  it('temperature 0.5 with top-k 3: softmax([4, 2, 0]) = [0.866813, 0.117310, 0.015876]', () => {
    const d = samplingDistribution(logits, { temperature: 0.5, topK: 3 });
    expect(d.ids).toEqual([0, 1, 2]);
    expect(d.probs.map((p) => +p.toFixed(6))).toEqual([0.866813, 0.11731, 0.015876]);
  });

  it('draws follow the distribution and a seed fixes them', () => {
    const draw = (seed: number) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 20000 }, () => sampleToken(logits, { temperature: 1, topP: 0.8 }, rng));
    };
    const a = draw(3);
    expect(draw(3)).toEqual(a);
    expect(draw(4)).not.toEqual(a);
    const share0 = a.filter((t) => t === 0).length / a.length;
    expect(Math.abs(share0 - 0.731059)).toBeLessThan(0.01);
    expect(a.every((t) => t === 0 || t === 1)).toBe(true);
  });

  it('greedy is argmax with the first index winning ties', () => {
    expect(argmax([0.5, 3, 3, 1])).toBe(1);
    expect(sampleToken([0.5, 3, 3, 1], { temperature: 0 }, new SeededRandom(1))).toBe(1);
  });
});
