import type { MathRecord } from '@prompt-aug/core/data';
import type { EvalResults } from '../../results/eval-results.js';
import type { SampleRecord } from '../../samples/sample-record.js';
import { formatCount, formatPercent } from '../format-number.js';
import { barChart } from './bar-chart.js';
import { DEFAULT_DRILL_DOWN, drillDown, type DrillDownLimits } from './drill-down.js';
import { escapeHtml } from './escape-html.js';
import { differencesSection } from './differences-section.js';
import { pageShell } from './page-shell.js';

export interface ResultsPageOptions {
  /** Gold answers by benchmark and id, shown in the drill-down when given. */
  records?: ReadonlyMap<string, readonly MathRecord[]>;
  limits?: DrillDownLimits;
}

/**
 * report.html of one evaluation: the two averages, a table and a bar chart of the benchmarks,
 * and the per-sample drill-down. Every number carries a `data-metric` attribute so a test (or
 * a script) can read the page and compare it with results.json.
 */
export function renderResultsPage(results: EvalResults, samples: readonly SampleRecord[], options: ResultsPageOptions = {}): string {
  const limits = options.limits ?? DEFAULT_DRILL_DOWN;
  const k = results.config.samples;
  const names = Object.keys(results.benchmarks);
  const metric = (name: string, value: number | undefined, benchmark?: string) =>
    `<td data-metric="${name}"${benchmark ? ` data-benchmark="${escapeHtml(benchmark)}"` : ''}>${formatPercent(value)}</td>`;
  const second = results.secondGrader;
  const rows = names.map((name) => {
    const b = results.benchmarks[name]!;
    return `<tr><td>${escapeHtml(name)}</td><td data-metric="questions" data-benchmark="${escapeHtml(name)}">${b.questions}</td><td>${b.samples}</td>` +
      metric('accuracy', b.accuracy, name) + metric('std', b.std, name) +
      (second ? metric('secondAccuracy', second.benchmarks[name]?.accuracy, name) : '') +
      (k > 1 ? metric('passAtK', b.passAtK, name) + metric('majAtK', b.majAtK, name) : '') + '</tr>';
  });
  const head = `<tr><th>benchmark</th><th>questions</th><th>samples</th><th>${escapeHtml(results.config.grader)} grader ${k > 1 ? `avg@${k}` : 'accuracy'}</th><th>std</th>${second ? `<th>${escapeHtml(second.grader)} grader</th>` : ''}${k > 1 ? `<th>pass@${k}</th><th>maj@${k}</th>` : ''}</tr>`;
  const chart = barChart([
    ...names.map((name) => ({ label: name, value: results.benchmarks[name]!.accuracy })),
    { label: 'per-benchmark mean', value: results.perBenchmarkAccuracy, emphasis: true },
    { label: 'per-question', value: results.perQuestionAccuracy, emphasis: true },
  ], 'accuracy per benchmark (%)');
  const showAll = samples.length <= limits.maxSamples;
  const drill = names.map((name) => {
    const gold = new Map((options.records?.get(name) ?? []).map((r) => [r.id, r.answers] as const));
    const list = samples.filter((s) => s.benchmark === name);
    return `<details class="benchmark"><summary>${escapeHtml(name)} — ${formatCount(list.length)} samples</summary>${drillDown(name, list, gold, limits, showAll)}</details>`;
  });
  const title = results.config.model ?? 'evaluation';
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`${results.config.mode}, ${results.config.grader} grader, template ${results.config.template}, k=${k}, runs=${results.config.runs}, ${results.timings.finishedAt}`)}</p>
<div class="averages">
<div class="average"><div>per-benchmark accuracy (mean of ${names.length})</div><div class="value" data-metric="perBenchmarkAccuracy">${formatPercent(results.perBenchmarkAccuracy)}</div></div>
<div class="average"><div>per-question accuracy (${formatCount(results.counts.questions)} pooled)</div><div class="value" data-metric="perQuestionAccuracy">${formatPercent(results.perQuestionAccuracy)}</div></div>
${second ? `<div class="average"><div>${escapeHtml(second.grader)} grader: per-benchmark / per-question</div><div class="value"><span data-metric="secondPerBenchmarkAccuracy">${formatPercent(second.perBenchmarkAccuracy)}</span> / <span data-metric="secondPerQuestionAccuracy">${formatPercent(second.perQuestionAccuracy)}</span></div></div>` : ''}
</div>
<table id="benchmarks">${head}${rows.join('')}</table>
${chart}
${second ? differencesSection(results.config.grader, second) : ''}
${results.warnings.map((w) => `<p class="warning">warning: ${escapeHtml(w)}</p>`).join('\n')}
<h2>samples</h2>
${showAll ? '' : `<p class="note">${formatCount(samples.length)} samples: showing each question's first; all are in samples.jsonl.</p>`}
${drill.join('\n')}`;
  return pageShell(`${title} — eval report`, body);
}
