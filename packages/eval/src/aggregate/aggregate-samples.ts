import type { SampleRecord } from '../samples/sample-record.js';
import { averages, type Averages } from './averages.js';
import { benchmarkStats, type BenchmarkStats } from './benchmark-stats.js';

export interface Aggregate extends Averages {
  /** Per benchmark, in the order the benchmarks were given. */
  benchmarks: Record<string, BenchmarkStats>;
  /** Macro and micro averages of pass@k and maj@k, when k > 1. */
  passAtK?: { k: number } & Averages;
  majAtK?: { k: number } & Averages;
  counts: { benchmarks: number; questions: number; samples: number; correct: number };
}

/** All the numbers of results.json from the graded samples (pure; order-independent within a benchmark). */
export function aggregateSamples(benchmarkNames: readonly string[], samples: readonly SampleRecord[], k: number): Aggregate {
  const byBenchmark = new Map<string, SampleRecord[]>(benchmarkNames.map((name) => [name, []]));
  for (const s of samples) byBenchmark.get(s.benchmark)?.push(s);
  const benchmarks: Record<string, BenchmarkStats> = {};
  for (const [name, list] of byBenchmark) if (list.length > 0) benchmarks[name] = benchmarkStats(list, k);
  const rows = Object.values(benchmarks);
  const aggregate: Aggregate = {
    benchmarks,
    ...averages(rows),
    counts: {
      benchmarks: rows.length,
      questions: rows.reduce((n, r) => n + r.questions, 0),
      samples: rows.reduce((n, r) => n + r.samples, 0),
      correct: rows.reduce((n, r) => n + r.correct, 0),
    },
  };
  if (k > 1) {
    aggregate.passAtK = { k, ...averages(rows.map((r) => ({ accuracy: r.passAtK!, questions: r.questions }))) };
    aggregate.majAtK = { k, ...averages(rows.map((r) => ({ accuracy: r.majAtK!, questions: r.questions }))) };
  }
  return aggregate;
}
