import { UserError } from '@prompt-aug/core';
import { backoffDelayMs, DEFAULT_RETRY, type RetryPolicy } from './backoff.js';

export interface CompletionsClientOptions {
  /** Server root, with or without the trailing `/v1` (both `http://host:8000` and `http://host:8000/v1` work). */
  baseUrl: string;
  /** The served model name (`--model`). */
  model: string;
  retry?: Partial<RetryPolicy>;
  /** One request's time limit; a timeout counts as a network error (retried). Default 10 minutes. */
  requestTimeoutMs?: number;
}

export interface CompletionRequest {
  prompt: string;
  maxTokens: number;
  temperature: number;
  topP: number;
  /** 0 = off; sent only when set (vLLM and SGLang accept `top_k`, OpenAI itself does not). */
  topK?: number;
  seed?: number;
  stop?: string[];
}

export interface Completion {
  text: string;
  finishReason: 'stop' | 'length';
  /** `usage.completion_tokens` of the one-prompt request, when the server reports it. */
  completionTokens: number | undefined;
}

export interface CompletionsClient {
  readonly url: string;
  complete(request: CompletionRequest): Promise<Completion>;
}

/** `http://h:p`, `http://h:p/`, `http://h:p/v1/` → `http://h:p/v1`. */
export function completionsBaseUrl(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UserError(`--base-url ${JSON.stringify(baseUrl)} is not a URL; give the server root, e.g. --base-url http://127.0.0.1:8000/v1.`, 'PA_OPENAI_BAD_URL');
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`;
}

/** Failures worth another attempt: overload (429), server errors (5xx), and the network. */
class Transient extends Error {
  constructor(message: string, readonly retryAfterSeconds?: number, readonly refused = false) {
    super(message);
  }
}

/** A client of an OpenAI-compatible `/v1/completions` (vLLM, SGLang, llama.cpp, `pa serve`). */
export function createCompletionsClient(options: CompletionsClientOptions): CompletionsClient {
  const url = completionsBaseUrl(options.baseUrl);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.requestTimeoutMs ?? 600_000;

  const attempt = async (request: CompletionRequest): Promise<Completion> => {
    const body = {
      model: options.model,
      prompt: request.prompt,
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      n: 1,
      ...(request.topK ? { top_k: request.topK } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.stop && request.stop.length > 0 ? { stop: request.stop } : {}),
    };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${url}/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // undici hides the reason in `cause` (one error, or an AggregateError per address tried).
      const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
      const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e.code)];
      const reason = cause?.message ? `${(error as Error).message} (${cause.message})` : (error as Error).message;
      throw new Transient(reason, undefined, codes.includes('ECONNREFUSED'));
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      throw new Transient(`HTTP ${response.status}: ${serverMessage(text)}`, Number.isFinite(retryAfter) ? retryAfter : undefined);
    }
    if (response.status === 404) throw await notFoundError(url, options.model, text);
    if (!response.ok) {
      throw new UserError(
        `The completions server at ${url} rejected a request with HTTP ${response.status}: ${serverMessage(text)}. Check --model ${options.model} and the generation flags (--max-new-tokens must fit the served model's context).`,
        'PA_OPENAI_REJECTED',
      );
    }
    return parseCompletion(url, text);
  };

  return {
    url,
    async complete(request) {
      for (let tries = 0; ; tries++) {
        try {
          return await attempt(request);
        } catch (error) {
          if (!(error instanceof Transient)) throw error;
          if (tries >= retry.maxRetries) throw exhaustedError(url, error, tries + 1);
          await retry.sleep(backoffDelayMs(retry, tries, error.retryAfterSeconds));
        }
      }
    },
  };
}

function exhaustedError(url: string, last: Transient, attempts: number): UserError {
  if (last.refused) {
    return new UserError(
      `Nothing is listening at ${url} (connection refused, ${attempts} attempts). Start the server first (\`pa serve <checkpoint>\`, \`vllm serve <model>\`) or fix --base-url.`,
      'PA_OPENAI_UNREACHABLE',
    );
  }
  return new UserError(
    `The completions server at ${url} kept failing (${attempts} attempts, last: ${last.message}). Check the server's log; lower --concurrency if it is overloaded.`,
    'PA_OPENAI_UNAVAILABLE',
  );
}

/** A 404 is a wrong model name or a wrong path; list the served models to say which. */
async function notFoundError(url: string, model: string, text: string): Promise<UserError> {
  const served = await fetch(`${url}/models`, { signal: AbortSignal.timeout(10_000) })
    .then(async (r) => (r.ok ? ((await r.json()) as { data?: { id?: unknown }[] }).data?.map((m) => String(m.id)) : undefined))
    .catch(() => undefined);
  if (served && served.length > 0) {
    return new UserError(
      `The completions server at ${url} does not serve model ${JSON.stringify(model)} (HTTP 404: ${serverMessage(text)}). It serves: ${served.join(', ')}; pass one of them as --model.`,
      'PA_OPENAI_UNKNOWN_MODEL',
    );
  }
  return new UserError(
    `${url}/completions answered HTTP 404 for model ${JSON.stringify(model)}: ${serverMessage(text)}. Check --model, and that --base-url points at an OpenAI-compatible server (its routes start with /v1).`,
    'PA_OPENAI_NOT_FOUND',
  );
}

function parseCompletion(url: string, text: string): Completion {
  let json: { choices?: { text?: unknown; finish_reason?: unknown }[]; usage?: { completion_tokens?: unknown } };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw badJson(url, text);
  }
  const choice = json?.choices?.[0];
  if (!choice || typeof choice.text !== 'string') throw badJson(url, text);
  const tokens = json.usage?.completion_tokens;
  return {
    text: choice.text,
    finishReason: choice.finish_reason === 'length' ? 'length' : 'stop',
    completionTokens: typeof tokens === 'number' && Number.isInteger(tokens) ? tokens : undefined,
  };
}

function badJson(url: string, text: string): UserError {
  return new UserError(
    `The server at ${url} answered /completions with something that is not OpenAI completions JSON (expected { choices: [{ text }] }): ${JSON.stringify(text.slice(0, 200))}. Check that --base-url points at an OpenAI-compatible completions server.`,
    'PA_OPENAI_BAD_RESPONSE',
  );
}

/** The `error.message` of an OpenAI-style error body, else the start of the body. */
function serverMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown }; message?: unknown }).error?.message ?? (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: show the raw text
  }
  return text.slice(0, 200) || '(empty body)';
}
