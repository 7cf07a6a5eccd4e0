import type { SecondGraderResults } from '../../aggregate/second-grader-summary.js';
import { formatCount } from '../format-number.js';
import { escapeHtml } from './escape-html.js';

/** Above this many differences, each reason shows its first rows (all are in results.json). */
const MAX_ROWS_PER_REASON = 500;

const mark = (correct: boolean) => (correct ? '<span class="ok">✓</span>' : '<span class="no">✗</span>');

/**
 * The responses the two graders score differently, grouped by reason code (collapsible), each
 * row with both verdicts and extracted answers and a link to the sample in the drill-down.
 */
export function differencesSection(primary: string, second: SecondGraderResults): string {
  const { count, byReason, list } = second.differences;
  if (count === 0) return `<h2>graders</h2><p data-metric="differences">0</p><p>The ${escapeHtml(primary)} and ${escapeHtml(second.grader)} graders agree on every response.</p>`;
  const groups = Object.entries(byReason).sort((a, b) => b[1] - a[1]).map(([reason, n]) => {
    const rows = list.filter((d) => d.reason === reason).slice(0, MAX_ROWS_PER_REASON).map((d) =>
      `<tr data-reason="${escapeHtml(reason)}"><td>${escapeHtml(d.benchmark)}</td><td><a href="#${escapeHtml(`q-${d.benchmark}-${d.id}`)}">${escapeHtml(d.id)}</a></td><td>${d.run}/${d.sample}</td>` +
      `<td>${mark(d.primary.correct)} <code>${escapeHtml(d.primary.extracted ?? '(none)')}</code></td>` +
      `<td>${mark(d.second.correct)} <code>${escapeHtml(d.second.extracted ?? '(none)')}</code></td></tr>`);
    const more = n > MAX_ROWS_PER_REASON ? `<p class="note">${formatCount(n - MAX_ROWS_PER_REASON)} more in results.json</p>` : '';
    return `<details class="difference"><summary><code>${escapeHtml(reason)}</code> — <span data-reason-count="${escapeHtml(reason)}">${n}</span></summary>` +
      `<table><tr><th>benchmark</th><th>question</th><th>run/sample</th><th>${escapeHtml(primary)}</th><th>${escapeHtml(second.grader)}</th></tr>${rows.join('')}</table>${more}</details>`;
  });
  return `<h2>graders</h2><p><span data-metric="differences">${formatCount(count)}</span> responses are graded differently by the ${escapeHtml(primary)} grader and the ${escapeHtml(second.grader)} grader (docs/grading.md explains each reason and which side is right):</p>\n${groups.join('\n')}`;
}
