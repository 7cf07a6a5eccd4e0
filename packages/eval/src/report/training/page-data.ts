import type { TrainingRun } from './load-training-run.js';

/**
 * The raw numbers behind the charts, embedded in the page as JSON: every value of every
 * metrics.jsonl row (no downsampling), so the smoothing control and anyone reading the page
 * source get the exact numbers. `<` is escaped so no value can close the data block.
 */
export function pageDataBlock(runs: readonly TrainingRun[]): string {
  const data = { runs: runs.map((r) => ({ name: r.name, steps: r.steps, series: r.series, evals: r.evals })) };
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="pa-data">${json}</script>`;
}
