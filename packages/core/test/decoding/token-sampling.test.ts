import { describe, expect, test } from 'vitest';
import { tokenLogprob } from '../../src/decoding/token-logprob.js';
import { argmax, sampleScoredToken, sampleToken, samplingDistribution, samplingSettings, topKIndices, type SamplingSettings } from '../../src/decoding/token-sampling.js';
import { SeededRandom } from '../../src/util/random.js';

const row = (...values: number[]) => Float32Array.from(values);
const settings = (s: Partial<SamplingSettings>): SamplingSettings => ({ temperature: 1, topK: 0, topP: 1, ...s });

// Hand-worked: logits [2, 1, 0, −1] → softmax = [e², e, 1, e⁻¹] / 11.475217
//   = [0.643914, 0.236883, 0.087144, 0.032059]; log p = [−0.440190, −1.440190, −2.440190, −3.440190];
//   entropy 0.947537. At T = 0.5: log p = [−0.145078, −2.145078, −4.145078, −6.145078], entropy 0.455429.
const logits = row(2, 1, 0, -1);

describe('greedy and filters', () => {
  test('greedy picks the largest logit, the lowest index on ties', () => {
    expect(argmax(row(0.1, 3, -2, 3))).toBe(1);
    expect(sampleToken(row(1, 2, 5, 0), settings({ temperature: 0 }), new SeededRandom(1))).toBe(2);
  });

  test('top-k keeps the k best, best first', () => {
    expect(topKIndices(row(0.5, 4, 1, 4, -1, 2), 3)).toEqual([1, 3, 5]);
  });

  test('top-k 1 is greedy whatever the temperature', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 20; i++) expect(sampleToken(row(0, 1, 0.9, -3), settings({ temperature: 5, topK: 1 }), random)).toBe(1);
  });

  test('top-p 0.8 keeps the two tokens needed to reach 0.8: [e/(e+1), 1/(e+1)]', () => {
    const d = samplingDistribution(logits, settings({ topP: 0.8 }));
    expect(d.ids).toEqual([0, 1]);
    expect(d.probs[0]).toBeCloseTo(0.731059, 6);
    expect(d.probs[1]).toBeCloseTo(0.268941, 6);
  });

  test('top-p 0.95 keeps three tokens (0.880797 < 0.95 ≤ 0.967941)', () => {
    const d = samplingDistribution(logits, settings({ topP: 0.95 }));
    expect(d.ids).toEqual([0, 1, 2]);
    // [e², e, 1] / (e² + e + 1) = [0.665241, 0.244728, 0.090031]
    expect(d.probs.map((p) => +p.toFixed(6))).toEqual([0.665241, 0.244728, 0.090031]);
  });

  test('temperature 0.5 with top-k 3: softmax([4, 2, 0]) = [0.866813, 0.117310, 0.015876]', () => {
    const d = samplingDistribution(logits, settings({ temperature: 0.5, topK: 3 }));
    expect(d.ids).toEqual([0, 1, 2]);
    expect(d.probs.map((p) => +p.toFixed(6))).toEqual([0.866813, 0.11731, 0.015876]);
  });

  test('unfiltered, the distribution is the whole softmax, most likely first', () => {
    const d = samplingDistribution(row(0, 2, 1, -1), settings({}));
    expect(d.ids).toEqual([1, 2, 0, 3]);
    expect(d.probs.map((p) => +p.toFixed(6))).toEqual([0.643914, 0.236883, 0.087144, 0.032059]);
  });

  test('the nucleus of a 150k vocabulary is found without sorting it, and matches the definition', () => {
    const random = new SeededRandom(5);
    const big = Float32Array.from({ length: 151936 }, () => random.next() * 4);
    big[77] = 12;
    big[1234] = 11.5;
    const { ids, probs } = samplingDistribution(big, settings({ topP: 0.5 }));
    // By definition: sort all, keep the shortest prefix with mass ≥ 0.5.
    const weights = Array.from(big, (x) => Math.exp(x - 12));
    const total = weights.reduce((a, b) => a + b, 0);
    const order = [...weights.keys()].sort((a, b) => weights[b]! - weights[a]! || a - b);
    const expected: number[] = [];
    let mass = 0;
    for (const i of order) {
      expected.push(i);
      mass += weights[i]!;
      if (mass >= 0.5 * total) break;
    }
    expect(ids).toEqual(expected);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('draws', () => {
  test('temperature sampling follows softmax(logits / T)', () => {
    // logits ln 1, ln 3 at T = 1 -> p = 1/4, 3/4; at T = 2 -> weights 1, sqrt 3.
    const pair = row(0, Math.log(3));
    const share = (temperature: number) => {
      const random = new SeededRandom(11);
      let ones = 0;
      for (let i = 0; i < 20000; i++) ones += sampleToken(pair, settings({ temperature }), random);
      return ones / 20000;
    };
    expect(share(1)).toBeCloseTo(0.75, 1);
    expect(share(2)).toBeCloseTo(Math.sqrt(3) / (1 + Math.sqrt(3)), 1);
  });

  test('filtered draws follow the renormalised distribution and never leave it', () => {
    const random = new SeededRandom(3);
    const draws = Array.from({ length: 20000 }, () => sampleToken(logits, settings({ topP: 0.8 }), random));
    expect(draws.every((t) => t === 0 || t === 1)).toBe(true);
    expect(Math.abs(draws.filter((t) => t === 0).length / draws.length - 0.731059)).toBeLessThan(0.01);
  });

  test('the same seed gives the same draws and another seed others', () => {
    const five = row(0.3, 0.2, 0.1, 0.4, 0.0);
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 30 }, () => sampleToken(five, settings({ topP: 0.9 }), random));
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});

describe('sampleScoredToken', () => {
  test('log-prob and entropy of the unfiltered softmax, as worked by hand', () => {
    for (const [temperature, logp, entropy] of [[1, [-0.44019, -1.44019, -2.44019, -3.44019], 0.947537], [0.5, [-0.145078, -2.145078, -4.145078, -6.145078], 0.455429]] as const) {
      const random = new SeededRandom(9);
      for (let i = 0; i < 50; i++) {
        const scored = sampleScoredToken(logits, settings({ temperature }), random, temperature);
        expect(scored.logprob).toBeCloseTo(logp[scored.token]!, 5);
        expect(scored.entropy).toBeCloseTo(entropy, 5);
      }
    }
  });

  test('draws exactly the tokens sampleToken draws, filtered or not, at the sampling or another temperature', () => {
    const random = new SeededRandom(2);
    const rows = Array.from({ length: 40 }, () => Float32Array.from({ length: 300 }, () => random.next() * 6 - 3));
    for (const s of [settings({}), settings({ temperature: 0.7 }), settings({ topK: 20 }), settings({ topP: 0.9 }), settings({ temperature: 0 })]) {
      const a = new SeededRandom(4);
      const b = new SeededRandom(4);
      const scoreTemperature = s.temperature > 0 ? s.temperature : 1;
      for (const r of rows) expect(sampleScoredToken(r, s, a, scoreTemperature).token).toBe(sampleToken(r, s, b));
    }
  });

  test('a 150k-vocabulary row scores as tokenLogprob does, with −∞ entries masked out', () => {
    const random = new SeededRandom(8);
    const big = Float32Array.from({ length: 151936 }, () => random.next() * 20 - 10);
    big[3] = -Infinity;
    for (const temperature of [1, 0.6]) {
      const scored = sampleScoredToken(big, settings({ temperature }), new SeededRandom(1), temperature);
      const ref = tokenLogprob(big, scored.token, temperature);
      expect(scored.logprob).toBeCloseTo(ref.logprob, 9);
      expect(scored.entropy).toBeCloseTo(ref.entropy, 9);
      expect(Number.isFinite(scored.entropy)).toBe(true);
    }
  });

  test('greedy tokens are scored at temperature 1', () => {
    const scored = sampleScoredToken(logits, settings({ temperature: 0 }), new SeededRandom(1), 1);
    expect(scored.token).toBe(0);
    expect(scored.logprob).toBeCloseTo(-0.44019, 5);
    expect(scored.entropy).toBeCloseTo(0.947537, 5);
  });
});

describe('samplingSettings', () => {
  test('defaults to greedy and no filters', () => {
    expect(samplingSettings({})).toEqual({ temperature: 0, topK: 0, topP: 1 });
  });

  test.each([{ temperature: -1 }, { topP: 0 }, { topP: 1.5 }, { topK: 2.5 }, { topK: -1 }, { temperature: Number.NaN }])('refuses %j with a message naming the settings', (bad) => {
    expect(() => samplingSettings(bad)).toThrow(/Invalid sampling settings .*temperature must be >= 0/);
  });
});
