/** The one-paragraph messages for rows and datasets, as DatasetWarning data (thrown as UserErrors when fatal). */
import type { DatasetWarning, MathRecord } from './math-record.js';
import type { RawRow } from './raw-rows.js';
import { escapeControl } from '../util/escape-control.js';

/** `Dataset file <file>, line <n>: <reason>. <advice>`: JSONL rows by 1-based line, others by 0-based row. */
export function rowWarning(file: string, row: RawRow, reason: string, advice: string, field?: string): DatasetWarning {
  const where = row.line !== undefined ? `line ${row.line}` : `row ${row.index} (0-based)`;
  // The reason quotes the file's own bytes (a JSON parse error echoes the line): escape its control characters.
  const message = escapeControl(`Dataset file ${file}, ${where}: ${reason}. ${advice}`);
  const warning: DatasetWarning = { file, row: row.index, reason, message };
  if (row.line !== undefined) warning.line = row.line;
  if (field !== undefined) warning.field = field;
  return warning;
}

export function badRowAdvice(fix: string): string {
  return `To fix it, ${fix}; or pass --on-bad-row skip to pa train (option onBadRow: 'skip' in code) to drop bad rows and get them back as warnings.`;
}

export const EMPTY_ANSWER_ADVICE = 'The row is kept as published; fill in the answer or drop the row if that matters.';

/** Ids key per-sample outputs and resumable runs, so duplicates are worth a warning (not an error: data is as published). */
export function duplicateIdWarnings(file: string, records: readonly MathRecord[]): DatasetWarning[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { id } of records) (seen.has(id) ? duplicates : seen).add(id);
  if (duplicates.size === 0) return [];
  const examples = [...duplicates].slice(0, 3).join(', ');
  return [{
    file,
    field: 'id',
    reason: `${duplicates.size} duplicate ids`,
    message: `Dataset file ${file} has ${duplicates.size} ids used by more than one row (e.g. ${examples}). ` +
      'Per-sample results are keyed by id; make the ids unique or choose another column with --id-field PATH (option idField in code).',
  }];
}
