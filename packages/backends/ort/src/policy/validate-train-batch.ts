/** Checks of a trainStep batch beyond the scoring fields; mistakes get a UserError naming the field. */
import { type LossConfig, type TrainStepInput } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import { checkMask, checkMatrix, checkNonEmptyRows, checkTokenRange } from './validate-batch.js';

export function checkTrainBatch(input: TrainStepInput, vocabSize: number, loss: LossConfig): void {
  checkMatrix('promptIds', input.promptIds);
  checkMatrix('responseIds', input.responseIds);
  const B = input.promptIds.length;
  const R = input.responseIds[0]!.length;
  if (R === 0) throw new UserError('responseIds rows are empty; trainStep needs at least one response token per batch (pad short responses on the right and mask them with 0).', 'PA_ORT_BAD_BATCH');
  checkMask('promptMask', input.promptMask, input.promptIds);
  checkMask('responseMask', input.responseMask, input.responseIds);
  checkNonEmptyRows('promptMask', input.promptMask);
  checkTokenRange('promptIds', input.promptIds, vocabSize);
  checkTokenRange('responseIds', input.responseIds, vocabSize);
  for (const field of ['responseIds', 'oldLogprobs', 'refLogprobs'] as const) {
    const rows = input[field];
    if (!rows) continue;
    if (rows.length !== B) throw new UserError(`${field} has ${rows.length} rows but promptIds has ${B}; give one row per sequence.`, 'PA_ORT_BAD_BATCH');
    checkMatrix(field, rows, R);
  }
  if (!Array.isArray(input.advantages) || input.advantages.length !== B) {
    throw new UserError(`advantages has ${Array.isArray(input.advantages) ? input.advantages.length : 'no'} entries for ${B} sequences; pass one advantage per sequence.`, 'PA_ORT_BAD_BATCH');
  }
  if (loss.klCoef !== 0 && !input.refLogprobs) {
    throw new UserError(
      `The loss has a KL term (klCoef ${loss.klCoef}) but trainStep got no refLogprobs; score the responses with the frozen reference policy and pass them, or configure klCoef 0.`,
      'PA_ORT_TRAIN_MISSING_REF_LOGPROBS',
    );
  }
  const micro = input.microBatchSize;
  if (micro !== undefined && (!Number.isInteger(micro) || micro < 1)) {
    throw new UserError(`microBatchSize must be a whole number ≥ 1; got ${micro}.`, 'PA_ORT_BAD_BATCH');
  }
}
