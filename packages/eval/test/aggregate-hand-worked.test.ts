import { describe, expect, it } from 'vitest';
import { aggregateSamples, benchmarkStats, majorityVote, passAtK, type SampleRecord } from '../src/index.js';

function sample(id: string, run: number, sampleIndex: number, correct: boolean, extracted: string | null, benchmark = 'b'): SampleRecord {
  return { benchmark, id, run, sample: sampleIndex, prompt: '', response: '', extracted, correct, tokens: 10, finishReason: 'eos', ms: 1 };
}

describe('passAtK (unbiased estimator 1 - C(n-c,k)/C(n,k))', () => {
  it('matches binomials worked by hand', () => {
    expect(passAtK(5, 2, 2)).toBeCloseTo(1 - 3 / 10, 12); // C(3,2)=3, C(5,2)=10
    expect(passAtK(6, 1, 3)).toBeCloseTo(1 - 10 / 20, 12); // C(5,3)=10, C(6,3)=20
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12); // pass@1 = c/n
    expect(passAtK(200, 1, 100)).toBeCloseTo(0.5, 12); // C(199,100)/C(200,100) = 100/200, no overflow
    expect(passAtK(4, 0, 2)).toBe(0);
    expect(passAtK(3, 2, 2)).toBe(1); // n - c < k: every pair holds a correct one
  });
  it('rejects k > n', () => expect(() => passAtK(2, 1, 3)).toThrow(RangeError));
});

describe('majorityVote', () => {
  it('picks the most frequent answer, ignoring whitespace and unanswered samples', () => {
    expect(majorityVote([sample('q', 0, 0, false, '3'), sample('q', 0, 1, true, '\\frac{1}{2}'), sample('q', 0, 2, true, '\\frac {1}{2}'), sample('q', 0, 3, false, null)]))
      .toEqual({ answer: '\\frac{1}{2}', votes: 2, correct: true });
  });
  it('breaks ties by the lowest sample index, whatever the input order', () => {
    const votes = [sample('q', 0, 2, true, 'a'), sample('q', 0, 0, false, 'b'), sample('q', 0, 1, true, 'a'), sample('q', 0, 3, false, 'b')];
    expect(majorityVote(votes)).toEqual({ answer: 'b', votes: 2, correct: false });
    expect(majorityVote([...votes].reverse())).toEqual({ answer: 'b', votes: 2, correct: false });
  });
  it('is incorrect when no sample has an answer', () => {
    expect(majorityVote([sample('q', 0, 0, false, null)])).toEqual({ answer: null, votes: 0, correct: false });
  });
});

describe('benchmarkStats, worked by hand (2 questions, 2 runs, k = 3)', () => {
  const samples = [
    sample('q1', 0, 0, true, '5'), sample('q1', 0, 1, false, '4'), sample('q1', 0, 2, true, '5'),
    sample('q2', 0, 0, false, '1'), sample('q2', 0, 1, false, '2'), sample('q2', 0, 2, false, null),
    sample('q1', 1, 0, true, '5'), sample('q1', 1, 1, true, '5'), sample('q1', 1, 2, true, '5'),
    sample('q2', 1, 0, false, '1'), sample('q2', 1, 1, true, '3'), sample('q2', 1, 2, false, '1'),
  ];
  const stats = benchmarkStats(samples, 3);
  it('avg@k per run, then the mean and population std over runs', () => {
    // run 0: q1 2/3, q2 0 -> 1/3; run 1: q1 1, q2 1/3 -> 2/3
    expect(stats.runAccuracies[0]).toBeCloseTo(100 / 3, 10);
    expect(stats.runAccuracies[1]).toBeCloseTo(200 / 3, 10);
    expect(stats.accuracy).toBeCloseTo(50, 10);
    expect(stats.std).toBeCloseTo(50 / 3, 10);
  });
  it('pass@3 over all 6 samples of a question', () => {
    // q1: c=5, n-c=1<3 -> 1; q2: c=1 -> 1 - C(5,3)/C(6,3) = 0.5
    expect(stats.passAtK).toBeCloseTo(75, 10);
  });
  it('maj@3 per run, averaged', () => {
    // run 0: q1 "5" x2 correct, q2 tie "1"/"2" -> "1" (sample 0) wrong; run 1: q1 correct, q2 "1" x2 wrong
    expect(stats.majAtK).toBeCloseTo(50, 10);
  });
  it('counts', () => {
    expect(stats).toMatchObject({ questions: 2, samples: 12, correct: 6, answered: 11, truncated: 0, meanTokens: 10 });
  });
});

describe('aggregateSamples', () => {
  it('macro and micro averages over benchmarks of different sizes', () => {
    // a: 1 question, correct (100 %); b: 3 questions, 1 correct (33.3 %)
    const samples = [sample('x', 0, 0, true, '1', 'a'), sample('y1', 0, 0, true, '1', 'b'), sample('y2', 0, 0, false, '1', 'b'), sample('y3', 0, 0, false, null, 'b')];
    const agg = aggregateSamples(['a', 'b'], samples, 1);
    expect(agg.benchmarks.a!.accuracy).toBe(100);
    expect(agg.benchmarks.b!.accuracy).toBeCloseTo(100 / 3, 10);
    expect(agg.perBenchmarkAccuracy).toBeCloseTo((100 + 100 / 3) / 2, 10); // 66.67
    expect(agg.perQuestionAccuracy).toBeCloseTo(50, 10); // 2 of 4 questions
    expect(agg.counts).toEqual({ benchmarks: 2, questions: 4, samples: 4, correct: 2 });
    expect(agg.passAtK).toBeUndefined();
    expect(Object.keys(agg.benchmarks)).toEqual(['a', 'b']);
  });
});
