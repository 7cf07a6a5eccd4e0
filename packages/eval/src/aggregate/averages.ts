/** One benchmark's accuracy (percent) and how many questions it has. */
export interface BenchmarkRow {
  accuracy: number;
  questions: number;
}

export interface Averages {
  /** Macro: the plain mean of the benchmark accuracies (the paper's "AVG benchmark"). */
  perBenchmarkAccuracy: number;
  /** Micro: every question pooled, Σ acc_b·n_b / Σ n_b (the paper's "AVG question"). */
  perQuestionAccuracy: number;
}

export function averages(rows: readonly BenchmarkRow[]): Averages {
  if (rows.length === 0) return { perBenchmarkAccuracy: Number.NaN, perQuestionAccuracy: Number.NaN };
  const questions = rows.reduce((sum, r) => sum + r.questions, 0);
  return {
    perBenchmarkAccuracy: rows.reduce((sum, r) => sum + r.accuracy, 0) / rows.length,
    perQuestionAccuracy: rows.reduce((sum, r) => sum + r.accuracy * r.questions, 0) / questions,
  };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Population standard deviation (numpy's default `np.std`, ddof 0); 0 for a single run. */
export function populationStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}
