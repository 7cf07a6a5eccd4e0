import type { EvalResults } from '../results/eval-results.js';
import { formatCount, formatPercent } from './format-number.js';
import { textTable } from './text-table.js';

/** The results as the terminal shows them (`pa eval` without --json). */
export function formatResultsTable(results: EvalResults): string {
  const k = results.config.samples;
  const sampled = k > 1;
  const second = results.secondGrader;
  const label = (grader: string) => `${grader} grader${sampled ? ` avg@${k}` : ''}`;
  const header = ['benchmark', 'questions', 'samples', label(results.config.grader), 'std', ...(second ? [label(second.grader)] : []), ...(sampled ? [`pass@${k}`, `maj@${k}`] : [])];
  const rows = Object.entries(results.benchmarks).map(([name, b]) => [
    name,
    formatCount(b.questions),
    formatCount(b.samples),
    formatPercent(b.accuracy),
    formatPercent(b.std),
    ...(second ? [formatPercent(second.benchmarks[name]?.accuracy)] : []),
    ...(sampled ? [formatPercent(b.passAtK), formatPercent(b.majAtK)] : []),
  ]);
  const extra = (value: number | undefined) => (second ? [formatPercent(value)] : []);
  rows.push(['per-benchmark mean', '', '', formatPercent(results.perBenchmarkAccuracy), '', ...extra(second?.perBenchmarkAccuracy), ...(sampled ? [formatPercent(results.passAtK?.perBenchmarkAccuracy), formatPercent(results.majAtK?.perBenchmarkAccuracy)] : [])]);
  rows.push([`per-question (${formatCount(results.counts.questions)})`, '', '', formatPercent(results.perQuestionAccuracy), '', ...extra(second?.perQuestionAccuracy), ...(sampled ? [formatPercent(results.passAtK?.perQuestionAccuracy), formatPercent(results.majAtK?.perQuestionAccuracy)] : [])]);
  const runs = results.config.runs > 1 ? `, mean of ${results.config.runs} runs` : '';
  const title = `${results.config.model ?? 'evaluation'} — ${results.config.grader} grader, template ${results.config.template}${runs}`;
  const differ = second ? `\n${differencesLine(second)}` : '';
  return `${title}\n${textTable(header, rows)}${differ}\n${results.warnings.map((w) => `warning: ${w}`).join('\n')}`.trimEnd();
}

function differencesLine(second: NonNullable<EvalResults['secondGrader']>): string {
  const { count, byReason } = second.differences;
  if (count === 0) return 'the two graders agree on every response';
  const reasons = Object.entries(byReason).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
  return `${formatCount(count)} responses graded differently (${reasons}); listed in results.json and report.html`;
}
