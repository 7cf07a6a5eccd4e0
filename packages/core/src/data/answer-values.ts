/**
 * Gold answers come as a string (MATH500, AIME), a float64 (AMC: 142.0), or a list of
 * acceptable variants (Minerva: 1-3, OlympiadBench: 1). They all become `string[]`.
 */
export type AnswerConversion =
  | { ok: true; answers: string[]; converted: boolean; /** the source gave an empty string or list: kept as published, flagged */ empty: boolean }
  | { ok: false; reason: string };

/** The column names the common math sets use for the gold answer, in the order tried. */
export const ANSWER_FIELDS = ['answer', 'gt_answer', 'ground_truth', 'reward_model.ground_truth', 'final_answer'] as const;

/**
 * Numbers become their shortest exact decimal form, so an integral float is canonical
 * (`142.0` -> "142"), not Python's `str()` ("142.0"), which no verifier should have to undo.
 */
export function numberToAnswer(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

export function answersFromValue(value: unknown): AnswerConversion {
  const items = Array.isArray(value) ? value : [value];
  const answers: string[] = [];
  let converted = false;
  // Empty golds are data as published, not syntax errors: the paper's MATH L3-5 train set has
  // two (lines 5055 and 5159), and its 8,523-row count includes them. Kept, and flagged.
  let empty = items.length === 0;
  for (const [index, item] of items.entries()) {
    const where = Array.isArray(value) ? ` (element ${index})` : '';
    if (typeof item === 'string') {
      // Kept exactly (Minerva's trailing "\n" included): normalising is the verifier's job.
      if (item.trim() === '') empty = true;
      answers.push(item);
    } else if (typeof item === 'bigint' || (typeof item === 'number' && Number.isFinite(item))) {
      answers.push(numberToAnswer(item));
      converted = true;
    } else {
      return { ok: false, reason: `is ${describeValue(item)}${where}, not a string, a number or a list of them` };
    }
  }
  return { ok: true, answers, converted, empty };
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  return `of type ${typeof value}`;
}
