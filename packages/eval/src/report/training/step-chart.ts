import { escapeHtml } from '../html/escape-html.js';
import { formatTick, niceTicks, paddedDomain } from './axis-ticks.js';
import { minMaxBuckets } from './downsample.js';

/** One curve: a run's series (by its key in the page data) over steps. */
export interface StepSeries {
  run: number;
  key: string;
  label: string;
  colour: string;
  dashed?: boolean;
  xs: readonly number[];
  ys: readonly (number | null)[];
}

export interface StepChartOptions {
  title: string;
  /** Most points drawn per curve (min/max buckets beyond; the page data keeps every value). */
  maxPoints: number;
  /** Draw a dot at each point (eval curves have few). */
  dots?: boolean;
  /** The page's smoothing control redraws this chart's curves (from the embedded raw numbers). */
  smoothable?: boolean;
  /** A dashed horizontal line (e.g. the entropy-collapse threshold). */
  threshold?: { y: number; label: string };
  /** Step ranges drawn as bands along the top (e.g. where an entropy-collapse warning was raised). */
  bands?: { run: number; colour: string; from: number; to: number; label: string }[];
  /** Highlighted points (e.g. the best checkpoint of an eval curve). */
  markers?: { run: number; key: string; colour: string; x: number; y: number; label: string }[];
}

export const CHART = { width: 520, height: 230, left: 56, right: 14, top: 26, bottom: 30 } as const;

/**
 * A line chart of metrics over training steps as inline SVG. The svg carries its domains and
 * plot box (data-x-domain, data-y-domain, data-plot) so the page's smoothing script can redraw
 * the curves in place, and a test can turn path coordinates back into values.
 */
export function stepChart(series: readonly StepSeries[], options: StepChartOptions): string {
  const xsAll: number[] = [];
  const ysAll: number[] = [];
  for (const s of series) s.ys.forEach((y, i) => { if (y !== null) { xsAll.push(s.xs[i]!); ysAll.push(y); } });
  if (options.threshold) ysAll.push(options.threshold.y);
  if (xsAll.length === 0) return '';
  const x0 = xsAll.reduce((a, b) => Math.min(a, b));
  const x1 = xsAll.reduce((a, b) => Math.max(a, b));
  const [y0, y1] = paddedDomain(ysAll);
  const plot = { l: CHART.left, t: CHART.top, w: CHART.width - CHART.left - CHART.right, h: CHART.height - CHART.top - CHART.bottom };
  const sx = (x: number) => plot.l + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * plot.w;
  const sy = (y: number) => plot.t + plot.h - ((y - y0) / (y1 - y0)) * plot.h;
  const parts: string[] = [`<text x="${plot.l}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`];
  for (const y of niceTicks(y0, y1)) {
    parts.push(`<line x1="${plot.l}" x2="${plot.l + plot.w}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e4e7eb"/><text x="${plot.l - 5}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${formatTick(y)}</text>`);
  }
  for (const x of niceTicks(x0, x1, 6).filter((x) => Number.isInteger(x))) {
    parts.push(`<text x="${sx(x).toFixed(1)}" y="${plot.t + plot.h + 16}" text-anchor="middle">${x}</text>`);
  }
  for (const b of options.bands ?? []) {
    const left = sx(Math.max(x0, b.from - 0.5));
    const right = sx(Math.min(x1, b.to + 0.5));
    parts.push(`<rect class="band" data-run="${b.run}" data-from="${b.from}" data-to="${b.to}" x="${left.toFixed(1)}" y="${plot.t + b.run * 5}" width="${Math.max(1.5, right - left).toFixed(1)}" height="4" fill="${b.colour}"><title>${escapeHtml(b.label)}</title></rect>`);
  }
  if (options.threshold) {
    const y = sy(options.threshold.y).toFixed(1);
    parts.push(`<line class="threshold" x1="${plot.l}" x2="${plot.l + plot.w}" y1="${y}" y2="${y}" stroke="#b91c1c" stroke-dasharray="4 3"><title>${escapeHtml(options.threshold.label)}</title></line>`);
  }
  for (const s of series) {
    const kept = minMaxBuckets(s.xs, s.ys, options.maxPoints);
    if (kept.length === 0) continue;
    const d = kept.map((i, j) => `${j === 0 ? 'M' : 'L'}${sx(s.xs[i]!).toFixed(1)},${sy(s.ys[i]!).toFixed(1)}`).join('');
    parts.push(`<path class="curve" data-run="${s.run}" data-series="${escapeHtml(s.key)}" d="${d}" fill="none" stroke="${s.colour}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''}><title>${escapeHtml(s.label)}</title></path>`);
    if (options.dots) for (const i of kept) parts.push(`<circle class="dot" data-run="${s.run}" cx="${sx(s.xs[i]!).toFixed(1)}" cy="${sy(s.ys[i]!).toFixed(1)}" r="2.5" fill="${s.colour}"><title>${escapeHtml(`${s.label} @ ${s.xs[i]}: ${s.ys[i]}`)}</title></circle>`);
  }
  for (const m of options.markers ?? []) {
    parts.push(`<circle class="best" data-run="${m.run}" data-series="${escapeHtml(m.key)}" data-step="${m.x}" data-value="${m.y}" cx="${sx(m.x).toFixed(1)}" cy="${sy(m.y).toFixed(1)}" r="5.5" fill="none" stroke="${m.colour}" stroke-width="2"><title>${escapeHtml(m.label)}</title></circle>`);
  }
  return `<svg class="step-chart${options.smoothable ? ' smoothable' : ''}" role="img" aria-label="${escapeHtml(options.title)}" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" xmlns="http://www.w3.org/2000/svg" ` +
    `data-x-domain="${x0},${x1}" data-y-domain="${y0},${y1}" data-plot="${plot.l},${plot.t},${plot.w},${plot.h}" data-max-points="${options.maxPoints}">${parts.join('')}</svg>`;
}
