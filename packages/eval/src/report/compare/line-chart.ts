import { formatPercent } from '../format-number.js';
import { escapeHtml } from '../html/escape-html.js';
import { seriesColour } from '../html/palette.js';

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

/** Accuracy-over-steps curves as inline SVG; the y axis spans the data (padded), like the paper's Figure 1. */
export function lineChart(series: readonly Series[], title: string, xLabel = 'step'): string {
  const width = 640;
  const height = 300;
  const pad = { left: 48, right: 150, top: 24, bottom: 36 };
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  if (all.length === 0) return '';
  const [xMin, xMax] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  const yLow = Math.max(0, Math.floor(Math.min(...all.map((p) => p.y)) - 2));
  const yHigh = Math.min(100, Math.ceil(Math.max(...all.map((p) => p.y)) + 2));
  const sx = (x: number) => pad.left + (xMax === xMin ? 0.5 : (x - xMin) / (xMax - xMin)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - ((y - yLow) / Math.max(1e-9, yHigh - yLow)) * (height - pad.top - pad.bottom);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => yLow + f * (yHigh - yLow));
  const grid = yTicks.map((y) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e4e7eb"/><text x="${pad.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${y.toFixed(1)}</text>`);
  const xTicks = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const shownX = xTicks.filter((_, i) => i % Math.ceil(xTicks.length / 8) === 0);
  const xAxis = shownX.map((x) => `<text x="${sx(x).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle">${x}</text>`);
  const lines = series.map((s, i) => {
    const colour = seriesColour(i);
    const pts = s.points.filter((p) => Number.isFinite(p.y));
    const path = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    const dots = pts.map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${colour}"><title>${escapeHtml(s.name)} @ ${p.x}: ${formatPercent(p.y)}</title></circle>`).join('');
    const legendY = pad.top + i * 18;
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}` +
      `<rect x="${width - pad.right + 12}" y="${legendY - 9}" width="12" height="3" fill="${colour}"/><text x="${width - pad.right + 30}" y="${legendY}">${escapeHtml(s.name)}</text>`;
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${grid.join('')}${xAxis.join('')}<text x="${(pad.left + width - pad.right) / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(xLabel)}</text>${lines.join('')}</svg>`;
}
