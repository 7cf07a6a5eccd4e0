/**
 * Shape checks for the Policy's array inputs: a ragged or mismatched batch is the caller's
 * mistake and gets a message naming the field, not a tfjs shape error from deep inside.
 */
import { UserError } from '@prompt-aug/core';

export function checkMatrix(field: string, rows: number[][], batch: number, width?: number): number {
  if (rows.length !== batch) {
    throw new UserError(`${field} has ${rows.length} rows but the batch has ${batch}; pass one row per sequence.`, 'PA_BAD_BATCH');
  }
  const w = width ?? rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== w) {
      throw new UserError(`${field}[${i}] has ${row.length} entries but row 0 has ${w}; pad every row to the same length (and mark padding with 0 in the mask).`, 'PA_BAD_BATCH');
    }
  });
  return w;
}

export function checkIds(field: string, rows: number[][], vocabSize: number): void {
  for (const [i, row] of rows.entries()) {
    for (const id of row) {
      if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
        throw new UserError(`${field}[${i}] contains token id ${id}, outside the model's vocabulary [0, ${vocabSize}); tokenize with this model's tokenizer.`, 'PA_BAD_TOKEN');
      }
    }
  }
}
