import { BENCHMARKS } from '@prompt-aug/core/data';
import { describe, expect, it } from 'vitest';
import { averages } from '../src/index.js';

// paper.md §5.1 (paper v2 Table 2): AIME24, AMC, MATH500, Minerva, Olympiad, AVG benchmark, AVG question.
const TABLE: [string, number[], number, number][] = [
  ['Qwen2.5-Math-1.5B*', [16.7, 43.4, 61.8, 15.1, 28.4], 33.1, 37.4],
  ['GRPO†', [23.3, 49.9, 75.4, 26.3, 38.3], 42.6, 48.4],
  ['Dr. GRPO*', [20.0, 53.0, 74.2, 25.7, 37.6], 42.1, 47.7],
  ['SEED GRPO*', [23.3, 50.6, 75.4, 26.8, 41.3], 43.5, 49.8],
  ['GMPO*', [20.0, 53.0, 77.6, 30.1, 38.7], 43.9, 50.1],
  ['DAPO†', [23.3, 54.9, 76.9, 26.0, 39.4], 44.1, 49.6],
  ['DAPO w/ Prompt Aug† (Step 2720)', [23.3, 53.5, 78.4, 31.3, 39.4], 45.2, 50.9],
  ['DAPO w/ Prompt Aug† (Step 2480)', [20.0, 49.4, 80.4, 29.7, 41.2], 44.1, 51.8],
];

const SIZES = [30, 83, 500, 272, 675];

describe('averages reproduce the paper table', () => {
  it('uses the benchmark sizes core knows (1,560 questions)', () => {
    expect(BENCHMARKS.map((b) => b.size)).toEqual(SIZES);
    expect(SIZES.reduce((a, b) => a + b)).toBe(1560);
  });

  it('worked by hand: 20.0 / 49.4 / 80.4 / 29.7 / 41.2 -> 44.14 and 51.787', () => {
    const got = averages([20.0, 49.4, 80.4, 29.7, 41.2].map((accuracy, i) => ({ accuracy, questions: SIZES[i]! })));
    // macro: 220.7 / 5; micro: (600 + 4100.2 + 40200 + 8078.4 + 27810) / 1560 = 80788.6 / 1560
    expect(got.perBenchmarkAccuracy).toBeCloseTo(44.14, 10);
    expect(got.perQuestionAccuracy).toBeCloseTo(80788.6 / 1560, 10);
    expect(got.perQuestionAccuracy.toFixed(1)).toBe('51.8');
  });

  it.each(TABLE)('%s: both printed averages within ±0.05', (_name, row, macro, micro) => {
    const got = averages(row.map((accuracy, i) => ({ accuracy, questions: SIZES[i]! })));
    expect(Math.abs(got.perBenchmarkAccuracy - macro)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(got.perQuestionAccuracy - micro)).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});
