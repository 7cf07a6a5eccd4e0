import type { EvalResults } from '../results/eval-results.js';
import { formatCount, formatPercent } from './format-number.js';
import { textTable } from './text-table.js';

/** The results as the terminal shows them (`pa eval` without --json). */
export function formatResultsTable(results: EvalResults): string {
  const k = results.config.samples;
  const sampled = k > 1;
  const header = ['benchmark', 'questions', 'samples', sampled ? `avg@${k}` : 'accuracy', 'std', ...(sampled ? [`pass@${k}`, `maj@${k}`] : [])];
  const rows = Object.entries(results.benchmarks).map(([name, b]) => [
    name,
    formatCount(b.questions),
    formatCount(b.samples),
    formatPercent(b.accuracy),
    formatPercent(b.std),
    ...(sampled ? [formatPercent(b.passAtK), formatPercent(b.majAtK)] : []),
  ]);
  rows.push(['per-benchmark mean', '', '', formatPercent(results.perBenchmarkAccuracy), '', ...(sampled ? [formatPercent(results.passAtK?.perBenchmarkAccuracy), formatPercent(results.majAtK?.perBenchmarkAccuracy)] : [])]);
  rows.push([`per-question (${formatCount(results.counts.questions)})`, '', '', formatPercent(results.perQuestionAccuracy), '', ...(sampled ? [formatPercent(results.passAtK?.perQuestionAccuracy), formatPercent(results.majAtK?.perQuestionAccuracy)] : [])]);
  const runs = results.config.runs > 1 ? `, mean of ${results.config.runs} runs` : '';
  const title = `${results.config.model ?? 'evaluation'} — ${results.config.grader} grader, template ${results.config.template}${runs}`;
  return `${title}\n${textTable(header, rows)}\n${results.warnings.map((w) => `warning: ${w}`).join('\n')}`.trimEnd();
}
