import type { AnswerFormat, ExtractMode, VerifierPlugin } from '@prompt-aug/plugin-api';
import { UserError } from '../util/user-error.js';

/** One line of a `pa verify --input` file. Other fields are ignored. */
export interface VerifyCase {
  id?: string;
  /** Numbers stay numbers: the paper protocol reads them as float64 (`142` -> `"142.0"`). */
  gold: string | number | (string | number)[];
  response: string;
  /** Which benchmark the case comes from (reported back with the verdict). */
  benchmark?: string;
  kind?: 'answer' | 'response';
  mode?: ExtractMode;
  template?: string;
  expected?: boolean;
  category?: string;
}

export interface CaseVerdict {
  id: string;
  correct: boolean;
  extracted: string | null;
  reason: string;
  benchmark?: string;
}

/** Check a parsed JSON line and return it as a VerifyCase, or throw naming the file, line and field. */
export function toVerifyCase(value: unknown, file: string, line: number): VerifyCase {
  const fail = (field: string, what: string) =>
    new UserError(`${file} line ${line}: ${field} ${what}. Each line must be a JSON object with "gold" (string or list of strings) and "response" (string); "id", "kind" ("answer" | "response"), "mode" ("train" | "eval" | "paper"), "benchmark", "template", "expected" (boolean) and "category" are optional.`, 'PA_VERIFY_INPUT');
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fail('the line', 'is not a JSON object');
  const row = value as Record<string, unknown>;
  const gold = row.gold;
  if (!(typeof gold === 'string' || (typeof gold === 'number' && Number.isFinite(gold)) || (Array.isArray(gold) && gold.length > 0 && gold.every((g) => typeof g === 'string' || typeof g === 'number')))) {
    throw fail('"gold"', 'is missing or not a string / non-empty list of strings');
  }
  if (typeof row.response !== 'string') throw fail('"response"', 'is missing or not a string');
  if (row.kind !== undefined && row.kind !== 'answer' && row.kind !== 'response') throw fail('"kind"', `must be "answer" or "response", got ${JSON.stringify(row.kind)}`);
  if (row.mode !== undefined && row.mode !== 'train' && row.mode !== 'eval' && row.mode !== 'paper') throw fail('"mode"', `must be "train", "eval" or "paper", got ${JSON.stringify(row.mode)}`);
  if (row.benchmark !== undefined && typeof row.benchmark !== 'string') throw fail('"benchmark"', 'must be a string');
  if (row.expected !== undefined && typeof row.expected !== 'boolean') throw fail('"expected"', 'must be true or false');
  return {
    id: row.id === undefined ? undefined : String(row.id),
    gold: Array.isArray(gold) ? (gold as (string | number)[]) : (gold as string | number),
    response: row.response,
    benchmark: row.benchmark as string | undefined,
    kind: row.kind as VerifyCase['kind'],
    mode: row.mode as VerifyCase['mode'],
    template: typeof row.template === 'string' ? row.template : undefined,
    expected: row.expected as boolean | undefined,
    category: typeof row.category === 'string' ? row.category : undefined,
  };
}

export interface VerifyDefaults {
  mode?: ExtractMode;
  kind?: 'answer' | 'response';
  timeoutMs?: number;
  /** Answer formats by template id, so a case's `template` tells the verifier where to look. */
  answerFormats?: ReadonlyMap<string, AnswerFormat | undefined>;
}

/** Run the verifier on one case; a case's own fields win over the defaults. */
export function verifyCase(verifier: VerifierPlugin, input: VerifyCase, index: number, defaults: VerifyDefaults = {}): CaseVerdict {
  const templateId = input.template;
  const answerFormat = templateId ? defaults.answerFormats?.get(templateId) : undefined;
  const verdict = verifier.verify(input.gold, input.response, {
    mode: input.mode ?? defaults.mode ?? 'eval',
    kind: input.kind ?? defaults.kind ?? 'response',
    timeoutMs: defaults.timeoutMs,
    template: templateId ? { id: templateId, answerFormat } : undefined,
  });
  const verdictLine: CaseVerdict = { id: input.id ?? String(index + 1), correct: verdict.correct, extracted: verdict.extracted, reason: verdict.reason };
  if (input.benchmark !== undefined) verdictLine.benchmark = input.benchmark;
  return verdictLine;
}
