/**
 * Parse the text of metrics.jsonl into rows, keeping each row's original line so a rewrite
 * on resume preserves bytes exactly. The last line may be torn by a kill mid-write; it is
 * dropped unless it parses as a whole row (a JSON object cannot be a valid prefix of a longer
 * one, so a parsed last line is complete even if its newline never made it to disk).
 */
import { UserError } from '../util/user-error.js';
import { parseAppendedLines } from './appended-lines.js';
import { assertMetricValue, isValidStep, type MetricsRow } from './metric-types.js';

export interface MetricsLine {
  row: MetricsRow;
  /** The line as it was in the file, without its newline. */
  text: string;
}

export function parseMetricsLines(text: string, file: string): MetricsLine[] {
  const corrupt = (lineNumber: number, line: string) =>
    new UserError(
      `Line ${lineNumber} of the metrics file ${file} is not a metrics row (a JSON object with an integer "step" and numeric values): ${line.slice(0, 120)}. ` +
        'Only the last line can be torn by a crash, so this file was edited or corrupted; fix or delete that line and run again.',
      'PA_METRICS_CORRUPT',
    );
  return parseAppendedLines(text, parseRow, corrupt).map(({ value, text: line }) => ({ row: value, text: line }));
}

function parseRow(value: Record<string, unknown>): MetricsRow | undefined {
  if (!isValidStep(value.step)) return undefined;
  try {
    assertMetricValue(value, 'row');
  } catch {
    return undefined;
  }
  return value as MetricsRow;
}
