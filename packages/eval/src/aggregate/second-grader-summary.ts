import type { GraderMode } from '../grading/grade-response.js';
import type { SampleRecord } from '../samples/sample-record.js';
import { aggregateSamples } from './aggregate-samples.js';

/** One sample the two graders score differently. */
export interface GraderDifference {
  benchmark: string;
  id: string;
  run: number;
  sample: number;
  /** A DifferenceReason code (docs/grading.md explains each and which side is right). */
  reason: string;
  primary: { correct: boolean; extracted: string | null };
  second: { correct: boolean; extracted: string | null };
}

/** The second grader's numbers in results.json, next to the primary grader's. */
export interface SecondGraderResults {
  grader: GraderMode;
  benchmarks: Record<string, { accuracy: number; passAtK?: number; majAtK?: number }>;
  perBenchmarkAccuracy: number;
  perQuestionAccuracy: number;
  differences: { count: number; byReason: Record<string, number>; list: GraderDifference[] };
}

/** Aggregate the `second` verdicts of samples graded by `addSecondOpinion`; undefined when there are none. */
export function secondGraderSummary(benchmarkNames: readonly string[], samples: readonly SampleRecord[], k: number): SecondGraderResults | undefined {
  const graded = samples.filter((s) => s.second !== undefined);
  if (graded.length === 0) return undefined;
  const agg = aggregateSamples(benchmarkNames, graded.map((s) => ({ ...s, correct: s.second!.correct, extracted: s.second!.extracted })), k);
  const benchmarks: SecondGraderResults['benchmarks'] = {};
  for (const [name, b] of Object.entries(agg.benchmarks)) {
    benchmarks[name] = { accuracy: b.accuracy, ...(b.passAtK !== undefined ? { passAtK: b.passAtK, majAtK: b.majAtK } : {}) };
  }
  const list: GraderDifference[] = graded
    .filter((s) => s.second!.correct !== s.correct)
    .map((s) => ({
      benchmark: s.benchmark, id: s.id, run: s.run, sample: s.sample, reason: s.difference ?? 'equivalence',
      primary: { correct: s.correct, extracted: s.extracted },
      second: { correct: s.second!.correct, extracted: s.second!.extracted },
    }));
  const byReason: Record<string, number> = {};
  for (const d of list) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
  return {
    grader: graded[0]!.second!.grader,
    benchmarks,
    perBenchmarkAccuracy: agg.perBenchmarkAccuracy,
    perQuestionAccuracy: agg.perQuestionAccuracy,
    differences: { count: list.length, byReason, list },
  };
}
