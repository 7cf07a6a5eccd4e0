import { SeededRandom } from '@prompt-aug/core';
import { describe, expect, test } from 'vitest';
import { argmax, sampleToken, topKIndices } from '../src/policy/sampling.js';

const row = (...values: number[]) => Float32Array.from(values);

describe('sampling', () => {
  test('greedy picks the largest logit, the lowest index on ties', () => {
    expect(argmax(row(0.1, 3, -2, 3))).toBe(1);
    expect(sampleToken(row(1, 2, 5, 0), { temperature: 0, topK: 0, topP: 1 }, new SeededRandom(1))).toBe(2);
  });

  test('top-k keeps the k best, best first', () => {
    expect(topKIndices(row(0.5, 4, 1, 4, -1, 2), 3)).toEqual([1, 3, 5]);
  });

  test('top-k 1 is greedy whatever the temperature', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 20; i++) expect(sampleToken(row(0, 1, 0.9, -3), { temperature: 5, topK: 1, topP: 1 }, random)).toBe(1);
  });

  test('top-p keeps the smallest prefix reaching p', () => {
    // probabilities 0.5, 0.25, 0.125, 0.125 (logits ln p); topP 0.7 keeps {0, 1} only.
    const logits = row(Math.log(0.5), Math.log(0.25), Math.log(0.125), Math.log(0.125));
    const random = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 400; i++) seen.add(sampleToken(logits, { temperature: 1, topK: 0, topP: 0.7 }, random));
    expect([...seen].sort()).toEqual([0, 1]);
  });

  test('temperature sampling follows softmax(logits / T)', () => {
    // logits ln 1, ln 3 at T = 1 -> p = 1/4, 3/4; at T = 2 -> weights 1, sqrt 3.
    const logits = row(0, Math.log(3));
    const count = (temperature: number) => {
      const random = new SeededRandom(11);
      let ones = 0;
      for (let i = 0; i < 20000; i++) ones += sampleToken(logits, { temperature, topK: 0, topP: 1 }, random);
      return ones / 20000;
    };
    expect(count(1)).toBeCloseTo(0.75, 1);
    expect(count(2)).toBeCloseTo(Math.sqrt(3) / (1 + Math.sqrt(3)), 1);
  });

  test('the same seed gives the same draws', () => {
    const logits = row(0.3, 0.2, 0.1, 0.4, 0.0);
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 30 }, () => sampleToken(logits, { temperature: 1, topK: 0, topP: 0.9 }, random));
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});
