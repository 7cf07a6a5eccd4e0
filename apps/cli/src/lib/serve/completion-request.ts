import { randomInt } from 'node:crypto';

/** One prompt of a request: text (tokenized by the server) or token ids (used as given). */
export type PromptInput = { text: string } | { ids: number[] };

/** A validated `POST /v1/completions` body. */
export interface CompletionRequest {
  model: string | undefined;
  prompts: PromptInput[];
  maxTokens: number;
  temperature: number;
  topP: number;
  /** 0 = off (vLLM and SGLang accept `top_k`; OpenAI itself does not). */
  topK: number;
  n: number;
  /** Random when the client sends none, as OpenAI does: two unseeded requests sample differently. */
  seed: number;
  stop: string[];
  /** Extra end-of-sequence ids (vLLM's `stop_token_ids`). */
  stopTokenIds: number[];
  /** `logprobs: 0` (or 1): the sampled tokens' log-probs, temperature applied. */
  logprobs: boolean;
  /** vLLM's `return_token_ids`: each choice carries `token_ids` (and `prompt_token_ids`). */
  returnTokenIds: boolean;
  /** The prompt is repeated in front of each choice's text (and its tokens lead the log-probs with null). */
  echo: boolean;
  stream: boolean;
}

/** A client mistake: answered with HTTP 400 and an OpenAI-style error body. */
export class BadRequest extends Error {}

/** Check a completions body field by field, with OpenAI's defaults; throws BadRequest naming the field. */
export function parseCompletionRequest(body: unknown): CompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (b.model !== undefined && typeof b.model !== 'string') throw new BadRequest('`model` must be a string.');
  const stop = b.stop === undefined || b.stop === null ? [] : typeof b.stop === 'string' ? [b.stop] : b.stop;
  if (!Array.isArray(stop) || !stop.every((s) => typeof s === 'string' && s.length > 0)) throw new BadRequest('`stop` must be a string or an array of non-empty strings.');
  const stopTokenIds = b.stop_token_ids ?? [];
  if (!isIdList(stopTokenIds)) throw new BadRequest('`stop_token_ids` must be an array of token ids (whole numbers ≥ 0).');
  const logprobs = b.logprobs === undefined || b.logprobs === null || b.logprobs === false ? null : b.logprobs;
  if (logprobs !== null && logprobs !== 0 && logprobs !== 1 && logprobs !== true) {
    throw new BadRequest(`\`logprobs\` must be 0 or 1 (this server returns the sampled token's log-prob only, no top alternatives); got ${JSON.stringify(b.logprobs)}.`);
  }
  return {
    model: b.model as string | undefined,
    prompts: parsePrompts(b.prompt),
    maxTokens: integer(b, 'max_tokens', 16, 1),
    temperature: number(b, 'temperature', 1, (v) => v >= 0, 'at least 0'),
    topP: number(b, 'top_p', 1, (v) => v > 0 && v <= 1, 'in (0, 1]'),
    topK: b.top_k === -1 ? 0 : integer(b, 'top_k', 0, 0),
    n: integer(b, 'n', 1, 1),
    seed: b.seed === undefined || b.seed === null ? randomInt(0, 2 ** 31) : integer(b, 'seed', 0, 0),
    stop: stop as string[],
    stopTokenIds,
    logprobs: logprobs !== null,
    returnTokenIds: flag(b, 'return_token_ids'),
    echo: flag(b, 'echo'),
    stream: flag(b, 'stream'),
  };
}

/** `prompt`: a string, a list of strings, a list of token ids, or a list of such lists (as vLLM takes them). */
function parsePrompts(prompt: unknown): PromptInput[] {
  if (typeof prompt === 'string') return [{ text: prompt }];
  if (isIdList(prompt) && prompt.length > 0) return [{ ids: prompt }];
  if (Array.isArray(prompt) && prompt.length > 0) {
    if (prompt.every((p) => typeof p === 'string')) return prompt.map((text: string) => ({ text }));
    if (prompt.every((p) => isIdList(p) && p.length > 0)) return prompt.map((ids: number[]) => ({ ids }));
  }
  throw new BadRequest('`prompt` must be a string, a non-empty array of strings, an array of token ids, or an array of non-empty token-id arrays.');
}

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isSafeInteger(v) && v >= 0);
}

function flag(b: Record<string, unknown>, key: string): boolean {
  const v = b[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new BadRequest(`\`${key}\` must be true or false; got ${JSON.stringify(v)}.`);
  return v;
}

function number(b: Record<string, unknown>, key: string, fallback: number, ok: (v: number) => boolean, rule: string): number {
  const v = b[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new BadRequest(`\`${key}\` must be a number ${rule}; got ${JSON.stringify(v)}.`);
  return v;
}

function integer(b: Record<string, unknown>, key: string, fallback: number, min: number): number {
  return number(b, key, fallback, (x) => Number.isInteger(x) && x >= min, `that is a whole number of at least ${min}`);
}
