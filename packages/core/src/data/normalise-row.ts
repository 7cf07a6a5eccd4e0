/**
 * One raw row (any of the common math sets' layouts) -> one MathRecord, or the reason it
 * cannot be one. Pure: the file readers decide what a bad row means (throw or skip).
 */
import { ANSWER_FIELDS, answersFromValue } from './answer-values.js';
import { getPath, isPlainObject, setPath, withoutPath } from './field-path.js';
import type { MathRecord, ReadDatasetOptions } from './math-record.js';
import { PROBLEM_FIELDS, problemFromValue } from './problem-text.js';

export const ID_FIELDS = ['id', 'unique_id', 'extra_info.index'] as const;

export type RowResult =
  | { ok: true; record: MathRecord; /** kept, but worth telling the user */ remark?: { field: string; reason: string } }
  | { ok: false; field?: string; reason: string; fix: string };

export interface RowContext {
  /** File stem, for ids of rows that carry none. */
  stem: string;
  /** 0-based row index. */
  index: number;
  options: ReadDatasetOptions;
}

export function normaliseRow(row: unknown, context: RowContext): RowResult {
  const { options } = context;
  if (!isPlainObject(row)) {
    return { ok: false, reason: 'the row is not a JSON object', fix: 'write one object per row' };
  }
  // Auto-detection skips null columns: parquet files with optional columns have them on every row.
  const problemField = options.problemField ?? PROBLEM_FIELDS.find((f) => getPath(row, f) != null);
  if (problemField === undefined || getPath(row, problemField) === undefined) {
    return missing('problem', options.problemField ? [options.problemField] : PROBLEM_FIELDS, 'problemField');
  }
  const problem = problemFromValue(getPath(row, problemField));
  if (!problem.ok) return invalid(problemField, problem.reason, 'problemField');

  const answerField = options.answerField ?? ANSWER_FIELDS.find((f) => getPath(row, f) != null);
  if (answerField === undefined || getPath(row, answerField) === undefined) {
    return missing('answer', options.answerField ? [options.answerField] : ANSWER_FIELDS, 'answerField');
  }
  const originalAnswer = getPath(row, answerField);
  const answers = answersFromValue(originalAnswer);
  if (!answers.ok) return invalid(answerField, answers.reason, 'answerField');

  // meta keeps everything the record's own fields do not already carry: nothing is lost.
  let meta = withoutPath(withoutPath(row, problemField), answerField);
  if (problem.leftover !== undefined) meta = setPath(meta, problemField, problem.leftover);
  if (answers.converted) meta = { ...meta, originalAnswer };
  const id = idOf(row, context);
  if (id.field) meta = withoutPath(meta, id.field);
  const record = { id: id.value, problem: problem.problem, answers: answers.answers, meta };
  if (!answers.empty) return { ok: true, record };
  const reason = `field "${answerField}" is empty (${JSON.stringify(originalAnswer)}), so no response can be graded correct on this row`;
  return { ok: true, record, remark: { field: answerField, reason } };
}

function idOf(row: Record<string, unknown>, { stem, index, options }: RowContext): { value: string; field?: string } {
  const fields = options.idField ? [options.idField] : ID_FIELDS;
  for (const field of fields) {
    const value = getPath(row, field);
    if (typeof value === 'string' && value !== '') return { value, field };
    if (typeof value === 'number' || typeof value === 'bigint') return { value: String(value), field };
  }
  return { value: `${stem}-${index}` };
}

function missing(kind: 'problem' | 'answer', tried: readonly string[], option: string): RowResult {
  return {
    ok: false,
    field: tried[0] ?? kind,
    reason: `the row has no ${kind} field (looked for ${tried.join(', ')})`,
    fix: `add the field to the row, or name the column that holds it with ${optionSpelling(option)}`,
  };
}

function invalid(field: string, reason: string, option: string): RowResult {
  return { ok: false, field, reason: `field "${field}" ${reason}`, fix: `fix the value, or point ${optionSpelling(option)} at the right column` };
}

/** `answerField` -> `--answer-field PATH (option answerField in code)`: the CLI flag first, since most readers use pa. */
function optionSpelling(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} PATH (option ${option} in code)`;
}
