import { escapeHtml } from '../html/escape-html.js';
import { seriesColour } from '../html/palette.js';
import { seriesKey } from './flatten-row.js';
import type { TrainingRun } from './load-training-run.js';
import { TEMPLATE_METRICS, TRAINING_CHARTS } from './metric-charts.js';
import { collapseSpans, evalMetricNames, templatesSeen } from './run-facts.js';
import { stepChart, type StepSeries } from './step-chart.js';

export interface LabelledRun {
  label: string;
  run: TrainingRun;
}

const curve = (runs: readonly LabelledRun[], path: readonly string[], name?: string, dashed = false): StepSeries[] =>
  runs.flatMap(({ label, run }, index) => {
    const key = seriesKey(path);
    const ys = run.series[key];
    if (!ys || ys.every((y) => y === null)) return [];
    return [{ run: index, key, label: name ? `${label}: ${name}` : label, colour: seriesColour(index), dashed, xs: run.steps, ys }];
  });

/** The training curves: one chart per metric, every run overlaid, collapse warnings on the entropy chart. */
export function trainingCharts(runs: readonly LabelledRun[], maxPoints: number): string {
  const thresholds = new Set(runs.map(({ run }) => run.config.entropyCollapseThreshold));
  const threshold = thresholds.size === 1 ? [...thresholds][0] : undefined;
  const charts = TRAINING_CHARTS.map((chart) => {
    const series = chart.curves.flatMap((c, i) => curve(runs, c.path, c.name, i > 0));
    const entropy = chart.id === 'entropy';
    const bands = entropy ? runs.flatMap(({ label, run }, index) => collapseSpans(run).map((s) => ({ run: index, colour: seriesColour(index), ...s, label: `${label}: entropy-collapse warning, steps ${s.from}–${s.to}` }))) : [];
    const svg = stepChart(series, {
      title: chart.title, maxPoints, bands, smoothable: true,
      ...(entropy && typeof threshold === 'number' ? { threshold: { y: threshold, label: `collapse threshold ${threshold}` } } : {}),
    });
    return svg ? `<figure class="chart" data-chart="${chart.id}">${svg}</figure>` : '';
  });
  return `<div class="charts">${charts.join('')}</div>`;
}

/** One panel per template seen in any run: its accuracy, format reward and entropy over steps. */
export function templatePanels(runs: readonly LabelledRun[], maxPoints: number): string {
  const groups = TEMPLATE_METRICS.map((m) => m.group);
  const ids = [...new Set(runs.flatMap(({ run }) => templatesSeen(run, groups)))].sort();
  if (ids.length === 0) return '<p class="note">No per-template metrics in these runs.</p>';
  return ids.map((id) => {
    const charts = TEMPLATE_METRICS.map((m) => {
      const svg = stepChart(curve(runs, [m.group, id]), { title: `${id}: ${m.title}`, maxPoints, smoothable: true });
      return svg ? `<figure class="chart" data-chart="${m.group}">${svg}</figure>` : '';
    });
    return `<section class="template-panel" data-template="${escapeHtml(id)}"><h3>${escapeHtml(id)}</h3><div class="charts">${charts.join('')}</div></section>`;
  }).join('\n');
}

/** Periodic-eval curves (evals.jsonl), each run's best checkpoint by each metric circled. */
export function evalCharts(runs: readonly LabelledRun[]): string {
  const names = [...new Set(runs.flatMap(({ run }) => evalMetricNames(run)))];
  if (names.length === 0) return '';
  const title = (n: string) => (n === 'perBenchmarkAccuracy' ? 'per-benchmark mean accuracy (%)' : n === 'perQuestionAccuracy' ? 'per-question accuracy (%)' : `${n.replace(/^accuracy\//, '')} accuracy (%)`);
  const charts = names.map((name) => {
    const key = seriesKey(['eval', name]);
    const series: StepSeries[] = [];
    const markers = [];
    for (const [index, { label, run }] of runs.entries()) {
      const points = run.evals.filter((e) => name in e.values);
      if (points.length === 0) continue;
      series.push({ run: index, key, label, colour: seriesColour(index), xs: points.map((e) => e.step), ys: points.map((e) => e.values[name]!) });
      const best = points.reduce((a, b) => (b.values[name]! > a.values[name]! ? b : a));
      markers.push({ run: index, key, colour: seriesColour(index), x: best.step, y: best.values[name]!, label: `${label}: best checkpoint by ${title(name)} — step ${best.step}, ${best.values[name]}` });
    }
    return `<figure class="chart" data-chart="${escapeHtml(key)}">${stepChart(series, { title: title(name), maxPoints: 2000, dots: true, markers })}</figure>`;
  });
  return `<h2>periodic eval</h2><div class="charts">${charts.join('')}</div>`;
}
