/** A validated `POST /v1/completions` body. */
export interface CompletionRequest {
  model: string | undefined;
  prompts: string[];
  maxTokens: number;
  temperature: number;
  topP: number;
  n: number;
  seed: number;
  stop: string[];
}

/** A client mistake: answered with HTTP 400 and an OpenAI-style error body. */
export class BadRequest extends Error {}

/** Check a completions body field by field, with OpenAI's defaults; throws BadRequest naming the field. */
export function parseCompletionRequest(body: unknown): CompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (b.model !== undefined && typeof b.model !== 'string') throw new BadRequest('`model` must be a string.');
  const prompts = typeof b.prompt === 'string' ? [b.prompt] : b.prompt;
  if (!Array.isArray(prompts) || prompts.length === 0 || !prompts.every((p) => typeof p === 'string')) {
    throw new BadRequest('`prompt` must be a string or a non-empty array of strings (token-id prompts are not supported).');
  }
  const stop = b.stop === undefined || b.stop === null ? [] : typeof b.stop === 'string' ? [b.stop] : b.stop;
  if (!Array.isArray(stop) || !stop.every((s) => typeof s === 'string' && s.length > 0)) throw new BadRequest('`stop` must be a string or an array of non-empty strings.');
  return {
    model: b.model as string | undefined,
    prompts: prompts as string[],
    maxTokens: integer(b, 'max_tokens', 16, 1),
    temperature: number(b, 'temperature', 1, (v) => v >= 0, 'at least 0'),
    topP: number(b, 'top_p', 1, (v) => v > 0 && v <= 1, 'in (0, 1]'),
    n: integer(b, 'n', 1, 1),
    seed: integer(b, 'seed', 0, 0),
    stop: stop as string[],
  };
}

function number(b: Record<string, unknown>, key: string, fallback: number, ok: (v: number) => boolean, rule: string): number {
  const v = b[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new BadRequest(`\`${key}\` must be a number ${rule}; got ${JSON.stringify(v)}.`);
  return v;
}

function integer(b: Record<string, unknown>, key: string, fallback: number, min: number): number {
  const v = number(b, key, fallback, (x) => Number.isInteger(x) && x >= min, `that is a whole number of at least ${min}`);
  return v;
}
