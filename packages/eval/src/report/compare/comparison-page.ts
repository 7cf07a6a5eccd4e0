import { escapeHtml } from '../html/escape-html.js';
import { pageShell } from '../html/page-shell.js';
import { comparedBenchmarks, comparisonRows } from './comparison-table.js';
import { lineChart } from './line-chart.js';
import type { LabelledResults } from './load-evaluations.js';

/**
 * comparison.html: one table of all evaluations and, when they have training steps, the
 * accuracy-over-steps curves (the two averages, then every benchmark). Cells carry
 * data-label/data-metric so the page can be checked against the results files.
 */
export function renderComparisonPage(evaluations: readonly LabelledResults[]): string {
  const { header, rows } = comparisonRows(evaluations);
  const metrics = [...comparedBenchmarks(evaluations), 'perBenchmarkAccuracy', 'perQuestionAccuracy'];
  const table = `<table id="comparison"><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>` +
    rows.map((row, i) => `<tr>${row.map((cell, c) => c === 0
      ? `<td>${escapeHtml(cell)}</td>`
      : `<td data-label="${escapeHtml(evaluations[i]!.label)}" data-metric="${escapeHtml(metrics[c - 1]!)}">${escapeHtml(cell)}</td>`).join('')}</tr>`).join('') + '</table>';
  const stepped = evaluations.filter((e) => e.step !== null);
  let curves = '';
  if (stepped.length >= 2) {
    const point = (get: (e: LabelledResults) => number | undefined) => stepped.map((e) => ({ x: e.step!, y: get(e) ?? Number.NaN }));
    curves = '<h2>accuracy over training steps</h2>' + lineChart([
      { name: 'per-benchmark', points: point((e) => e.results.perBenchmarkAccuracy) },
      { name: 'per-question', points: point((e) => e.results.perQuestionAccuracy) },
    ], 'averages over steps') + lineChart(
      comparedBenchmarks(stepped).map((name) => ({ name, points: point((e) => e.results.benchmarks[name]?.accuracy) })),
      'benchmark accuracy over steps',
    );
  }
  return pageShell('eval comparison', `<h1>eval comparison</h1><p class="meta">${evaluations.length} evaluations</p>${table}${curves}`);
}
