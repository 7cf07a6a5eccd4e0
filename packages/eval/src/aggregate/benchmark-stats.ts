import type { SampleRecord } from '../samples/sample-record.js';
import { mean, populationStd } from './averages.js';
import { majorityVote } from './majority-vote.js';
import { passAtK } from './pass-at-k.js';

/** One benchmark's numbers; accuracies are percentages. */
export interface BenchmarkStats {
  /** avg@k: per run, the mean over questions of the fraction of its k samples that are correct; then the mean over runs. */
  accuracy: number;
  /** Population std of the per-run accuracies (0 with one run). */
  std: number;
  runAccuracies: number[];
  /** pass@k (unbiased estimator over all n = runs·k samples of a question), when k > 1. */
  passAtK?: number;
  /** maj@k (majority vote over each run's k extracted answers, averaged over runs), when k > 1. */
  majAtK?: number;
  /** Questions that have at least one sample. */
  questions: number;
  samples: number;
  correct: number;
  /** Samples where the grader found an answer. */
  answered: number;
  /** Samples that hit the token limit. */
  truncated: number;
  /** Mean generated tokens per sample, or null when unknown (`--responses`). */
  meanTokens: number | null;
}

/** Aggregate one benchmark's samples; `k` is the samples-per-question setting. */
export function benchmarkStats(samples: readonly SampleRecord[], k: number): BenchmarkStats {
  const byQuestion = new Map<string, Map<number, SampleRecord[]>>();
  for (const s of samples) {
    const runs = byQuestion.get(s.id) ?? new Map<number, SampleRecord[]>();
    byQuestion.set(s.id, runs);
    const list = runs.get(s.run) ?? [];
    runs.set(s.run, list);
    list.push(s);
  }
  const runIds = [...new Set(samples.map((s) => s.run))].sort((a, b) => a - b);
  // A question's avg@k in a run, then the benchmark mean over the questions that run covers.
  const runAccuracies = runIds.map((run) => 100 * mean([...byQuestion.values()].flatMap((runs) => {
    const list = runs.get(run);
    return list ? [mean(list.map((s) => (s.correct ? 1 : 0)))] : [];
  })));
  const stats: BenchmarkStats = {
    accuracy: mean(runAccuracies),
    std: populationStd(runAccuracies),
    runAccuracies,
    questions: byQuestion.size,
    samples: samples.length,
    correct: samples.filter((s) => s.correct).length,
    answered: samples.filter((s) => s.extracted !== null).length,
    truncated: samples.filter((s) => s.finishReason === 'length').length,
    meanTokens: samples.every((s) => typeof s.tokens === 'number') && samples.length > 0 ? mean(samples.map((s) => s.tokens as number)) : null,
  };
  if (k > 1) {
    stats.passAtK = 100 * mean([...byQuestion.values()].map((runs) => {
      const all = [...runs.values()].flat();
      return passAtK(all.length, all.filter((s) => s.correct).length, Math.min(k, all.length));
    }));
    stats.majAtK = mean(runIds.map((run) => 100 * mean([...byQuestion.values()].flatMap((runs) => {
      const list = runs.get(run);
      return list ? [majorityVote(list).correct ? 1 : 0] : [];
    }))));
  }
  return stats;
}
