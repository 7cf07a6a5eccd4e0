import { atomicWriteFile } from '@prompt-aug/core';
import { renderComparisonPage } from './comparison-page.js';
import { formatComparisonTable } from './comparison-table.js';
import { loadEvaluations, type LabelledResults } from './load-evaluations.js';

export interface Comparison {
  evaluations: LabelledResults[];
  /** The terminal table. */
  table: string;
  html: string;
  /** Where comparison.html was written, when `outFile` was given. */
  file?: string;
}

/** `pa eval a b …` / a training run folder: one table and accuracy-over-steps curves. */
export async function compareEvaluations(paths: readonly string[], options: { outFile?: string } = {}): Promise<Comparison> {
  const evaluations = await loadEvaluations(paths);
  const html = renderComparisonPage(evaluations);
  if (options.outFile) await atomicWriteFile(options.outFile, html);
  return { evaluations, table: formatComparisonTable(evaluations), html, ...(options.outFile ? { file: options.outFile } : {}) };
}
