import { formatPercent } from '../format-number.js';
import { escapeHtml } from './escape-html.js';

export interface Bar {
  label: string;
  value: number;
  /** Marks averages with a different colour. */
  emphasis?: boolean;
}

/** Horizontal bars on a fixed 0-100 % axis (so two reports' charts compare by eye). */
export function barChart(bars: readonly Bar[], title: string): string {
  const labelWidth = 170;
  const plotWidth = 460;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 30;
  const rows = bars.map((bar, i) => {
    const y = 8 + i * rowHeight;
    const width = Number.isFinite(bar.value) ? (Math.max(0, Math.min(100, bar.value)) / 100) * plotWidth : 0;
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="${rowHeight - 8}" rx="3" fill="${bar.emphasis ? '#0f766e' : '#3b82f6'}"><title>${escapeHtml(bar.label)}: ${formatPercent(bar.value)}%</title></rect>` +
      `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 15}" data-bar="${escapeHtml(bar.label)}">${formatPercent(bar.value)}</text>`;
  });
  const ticks = [0, 25, 50, 75, 100].map((t) => {
    const x = labelWidth + (t / 100) * plotWidth;
    return `<line x1="${x}" x2="${x}" y1="4" y2="${height - 22}" stroke="#d9e2ec"/><text x="${x}" y="${height - 6}" text-anchor="middle">${t}</text>`;
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + plotWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 60} ${height}" xmlns="http://www.w3.org/2000/svg">${ticks.join('')}${rows.join('')}</svg>`;
}
