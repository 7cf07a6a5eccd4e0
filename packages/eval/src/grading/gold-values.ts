import type { MathRecord } from '@prompt-aug/core/data';

/**
 * The gold answers as the source gave them: numbers stay numbers (AMC's float64 column), so the
 * paper-protocol grader can read them as the paper did (`142` -> `"142.0"`); strings as loaded.
 */
export function goldValues(record: Pick<MathRecord, 'answers' | 'meta'>): (string | number)[] {
  const original = record.meta?.originalAnswer;
  const list = Array.isArray(original) ? original : [original];
  if (original !== undefined && list.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    return list as (string | number)[];
  }
  return record.answers;
}
