/** Checks of caller-supplied batches; a malformed batch is a UserError naming the field. */
import { UserError } from '@prompt-aug/core';

export function checkMatrix(name: string, rows: readonly (readonly number[])[], width?: number): number {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new UserError(`${name} must be a non-empty [batch][length] array of token ids; got ${Array.isArray(rows) ? 'an empty batch' : typeof rows}.`, 'PA_ORT_BAD_BATCH');
  }
  const w = width ?? rows[0]!.length;
  rows.forEach((row, r) => {
    if (row.length !== w) {
      throw new UserError(`${name} row ${r} has length ${row.length} but the batch is ${w} wide. Pad every row to the same length (prompts on the left, responses on the right) and mark padding with 0 in the mask.`, 'PA_ORT_BAD_BATCH');
    }
  });
  return w;
}

export function checkMask(name: string, mask: readonly (readonly number[])[], ids: readonly (readonly number[])[]): void {
  checkMatrix(name, mask, ids[0]?.length);
  if (mask.length !== ids.length) throw new UserError(`${name} has ${mask.length} rows but the ids have ${ids.length}; give one mask row per sequence.`, 'PA_ORT_BAD_BATCH');
  mask.forEach((row, r) => {
    const first = row.indexOf(1);
    const last = row.lastIndexOf(1);
    const holes = first >= 0 && row.slice(first, last + 1).some((v) => v !== 1);
    if (holes || row.some((v) => v !== 0 && v !== 1)) {
      throw new UserError(`${name} row ${r} must be 0/1 with its real tokens in one contiguous run (left padding before, right padding after); got [${row.join(', ')}].`, 'PA_ORT_BAD_MASK');
    }
  });
}

export function checkTokenRange(name: string, rows: readonly (readonly number[])[], vocabSize: number): void {
  rows.forEach((row, r) =>
    row.forEach((id, c) => {
      if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
        throw new UserError(`${name}[${r}][${c}] = ${id} is not a token id of this model (vocabulary size ${vocabSize}). Tokenize with the model's own tokenizer.`, 'PA_ORT_BAD_TOKEN');
      }
    }),
  );
}

/** Every row needs a real token to condition on (generation) or to predict from (scoring). */
export function checkNonEmptyRows(name: string, mask: readonly (readonly number[])[]): void {
  mask.forEach((row, r) => {
    if (!row.includes(1)) {
      throw new UserError(`${name} row ${r} has no real token (all 0); every sequence needs at least one prompt token. Drop empty prompts from the batch.`, 'PA_ORT_EMPTY_PROMPT');
    }
  });
}
