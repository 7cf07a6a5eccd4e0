/**
 * Parse the text of metrics.jsonl into rows, keeping each row's original line so a rewrite
 * on resume preserves bytes exactly. The last line may be torn by a kill mid-write; it is
 * dropped unless it parses as a whole row (a JSON object cannot be a valid prefix of a longer
 * one, so a parsed last line is complete even if its newline never made it to disk).
 */
import { UserError } from '../util/user-error.js';
import { assertMetricValue, isValidStep, type MetricsRow } from './metric-types.js';

export interface MetricsLine {
  row: MetricsRow;
  /** The line as it was in the file, without its newline. */
  text: string;
}

export function parseMetricsLines(text: string, file: string): MetricsLine[] {
  const pieces = text.split('\n');
  // After the final '\n' split yields '' (a clean file) or an unterminated last line.
  const unterminated = pieces.pop() ?? '';
  const lines: MetricsLine[] = [];
  pieces.forEach((line, index) => {
    if (line.trim() === '') return;
    const row = parseRow(line);
    if (!row) {
      throw new UserError(
        `Line ${index + 1} of the metrics file ${file} is not a metrics row (a JSON object with an integer "step" and numeric values): ${line.slice(0, 120)}. ` +
          'Only the last line can be torn by a crash, so this file was edited or corrupted; fix or delete that line and run again.',
        'PA_METRICS_CORRUPT',
      );
    }
    lines.push({ row, text: line });
  });
  const lastRow = unterminated.trim() === '' ? undefined : parseRow(unterminated);
  if (lastRow) lines.push({ row: lastRow, text: unterminated });
  return lines;
}

function parseRow(line: string): MetricsRow | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (!isValidStep((value as { step?: unknown }).step)) return undefined;
  try {
    assertMetricValue(value, 'row');
  } catch {
    return undefined;
  }
  return value as MetricsRow;
}
