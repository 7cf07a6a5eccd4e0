import { escapeHtml } from '../html/escape-html.js';
import { seriesColour } from '../html/palette.js';
import { configDifferences } from './config-diff.js';
import { collapseSpans } from './run-facts.js';
import type { LabelledRun } from './training-sections.js';

/** The runs: colour, label, folder, steps, last update, and the config keys in which each differs from the first. */
export function runsTable(runs: readonly LabelledRun[]): string {
  const first = runs[0]!.run.config;
  const rows = runs.map(({ label, run }, index) => {
    const differences = index === 0 ? null : configDifferences(first, run.config);
    const diff = differences === null
      ? '<span class="note">(the reference)</span>'
      : differences.length === 0
        ? '<span class="note">none</span>'
        : `<ul class="diff">${differences.map((d) => `<li data-key="${escapeHtml(d.key)}"><code>${escapeHtml(d.key)}</code> = <code>${escapeHtml(d.value)}</code> <span class="note">(first: ${escapeHtml(d.first)})</span></li>`).join('')}</ul>`;
    const spans = collapseSpans(run);
    const notes = [
      run.replacedRows > 0 ? `${run.replacedRows} repeated steps: later rows kept` : '',
      spans.length > 0 ? `entropy-collapse warning at steps ${spans.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`)).join(', ')}` : '',
    ].filter(Boolean);
    return `<tr data-run="${index}"><td><span class="swatch" style="background:${seriesColour(index)}"></span> <span data-label>${escapeHtml(label)}</span></td>` +
      `<td><code>${escapeHtml(run.dir)}</code></td><td data-steps>${run.steps.length ? `${run.steps[0]}–${run.steps.at(-1)}` : '-'} (${run.steps.length})</td>` +
      `<td>${escapeHtml(run.updatedAt)}</td><td>${diff}${notes.map((n) => `<p class="warning">${escapeHtml(n)}</p>`).join('')}</td></tr>`;
  });
  return `<table id="runs"><tr><th>run</th><th>folder</th><th>steps</th><th>metrics updated</th><th>config differs from the first run in</th></tr>${rows.join('')}</table>`;
}
