import { escapeHtml } from '../html/escape-html.js';
import { pageShell } from '../html/page-shell.js';
import type { TrainingRun } from './load-training-run.js';
import { pageDataBlock } from './page-data.js';
import { PAGE_SCRIPT } from './page-script.js';
import { uniqueLabels } from './run-facts.js';
import { runsTable } from './runs-table.js';
import { evalCharts, templatePanels, trainingCharts, type LabelledRun } from './training-sections.js';

const STYLE = `<style>
.charts { display: flex; flex-wrap: wrap; gap: 8px 16px; } figure.chart { margin: 0; }
.chart-title { font-weight: 600; } .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; }
ul.diff { margin: 0; padding-left: 16px; } td { vertical-align: top; } #runs td, #runs th { text-align: left; }
.controls { position: sticky; top: 0; background: #fff; padding: 6px 0; border-bottom: 1px solid var(--line); z-index: 1; }
section.template-panel h3 { font-size: 14px; margin: 16px 0 4px; }
</style>`;

export interface TrainingPageOptions {
  /** Most points drawn per curve; longer runs are downsampled (min/max buckets) for drawing only. */
  maxPoints: number;
  generatedAt: string;
}

/**
 * report.html of training runs: the runs and how their configs differ, the training curves
 * overlaid with a smoothing control, per-template panels, periodic-eval curves with the best
 * checkpoints, and the entropy-collapse warnings where they were raised. All text from files
 * is escaped; the raw numbers ride along as JSON.
 */
export function renderTrainingPage(runs: readonly TrainingRun[], options: TrainingPageOptions): string {
  const labels = uniqueLabels(runs.map((r) => r.name));
  const labelled: LabelledRun[] = runs.map((run, i) => ({ label: labels[i]!, run }));
  const body = `<h1>training report</h1>
<p class="meta">${runs.length} run${runs.length === 1 ? '' : 's'}, generated ${escapeHtml(options.generatedAt)}. A run still going: run pa report again to refresh.</p>
${runsTable(labelled)}
<div class="controls"><label>smoothing <input id="smoothing" type="range" min="0" max="0.99" step="0.01" value="0"></label> <output id="smoothing-value">0.00</output>
<span class="note">(exponential moving average, as in TensorBoard; curves with more than ${options.maxPoints} points are drawn from min/max buckets, the raw numbers are in the page)</span></div>
<h2>training</h2>
${trainingCharts(labelled, options.maxPoints)}
<h2>per template</h2>
${templatePanels(labelled, options.maxPoints)}
${evalCharts(labelled)}
${pageDataBlock(runs)}
${STYLE}`;
  return pageShell(`${labels.join(' vs ')} — training report`, body, { script: PAGE_SCRIPT });
}
