/** Read the rows of a run's metrics.jsonl (a torn last line from a live or killed run is left out). */
import { readFile } from 'node:fs/promises';
import { UserError } from '../util/user-error.js';
import type { MetricsRow } from './metric-types.js';
import { parseMetricsLines } from './metrics-lines.js';

export async function readMetrics(file: string): Promise<MetricsRow[]> {
  return parseMetricsLines(await readMetricsText(file, { missingOk: false }), file).map((line) => line.row);
}

/** The file's text; a missing file is '' when `missingOk`, else a UserError naming it. */
export async function readMetricsText(file: string, { missingOk }: { missingOk: boolean }): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (missingOk) return '';
    throw new UserError(
      `There is no metrics file at ${file}. A training run writes metrics.jsonl in its output folder after its first step; check the path.`,
      'PA_METRICS_MISSING',
    );
  }
}
