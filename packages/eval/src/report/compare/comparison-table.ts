import { formatPercent } from '../format-number.js';
import { textTable } from '../text-table.js';
import type { LabelledResults } from './load-evaluations.js';

/** Benchmarks in first-seen order across all evaluations (one may lack a benchmark). */
export function comparedBenchmarks(evaluations: readonly LabelledResults[]): string[] {
  return [...new Set(evaluations.flatMap((e) => Object.keys(e.results.benchmarks)))];
}

/** One row per evaluation: each benchmark's accuracy and the two averages, as in the paper's table. */
export function comparisonRows(evaluations: readonly LabelledResults[]): { header: string[]; rows: string[][] } {
  const names = comparedBenchmarks(evaluations);
  return {
    header: ['evaluation', ...names, 'per-benchmark', 'per-question'],
    rows: evaluations.map((e) => [
      e.label,
      ...names.map((n) => formatPercent(e.results.benchmarks[n]?.accuracy)),
      formatPercent(e.results.perBenchmarkAccuracy),
      formatPercent(e.results.perQuestionAccuracy),
    ]),
  };
}

export function formatComparisonTable(evaluations: readonly LabelledResults[]): string {
  const { header, rows } = comparisonRows(evaluations);
  return textTable(header, rows);
}
