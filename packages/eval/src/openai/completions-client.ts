import { UserError } from '@prompt-aug/core';
import { DEFAULT_RETRY, ServerClient, ServerFailure, type RetryPolicy } from '@prompt-aug/core/http';

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

/** A client of an OpenAI-compatible `/v1/completions` (vLLM, SGLang, llama.cpp, `pa serve`), over the shared server client. */
export function createCompletionsClient(options: CompletionsClientOptions): CompletionsClient {
  const url = completionsBaseUrl(options.baseUrl);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  // The client takes the server root; `/v1` is part of each route.
  const client = new ServerClient(url, { retry, timeoutMs: options.requestTimeoutMs ?? 600_000, retryUnreachable: true, maxConcurrent: Number.MAX_SAFE_INTEGER });

  return {
    url,
    async complete(request) {
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
      let json: unknown;
      try {
        json = await client.request('POST', '/v1/completions', body);
      } catch (error) {
        if (!(error instanceof ServerFailure)) throw error;
        if (error.kind === 'overloaded' || error.kind === 'down') throw exhaustedError(url, error);
        if (error.kind === 'protocol') throw badJson(url, error.message);
        if (error.status === 404) throw await notFoundError(client, url, options.model, error.message);
        throw new UserError(
          `The completions server at ${url} rejected a request with ${error.message.replace(/^.*? answered /, '')}. Check --model ${options.model} and the generation flags (--max-new-tokens must fit the served model's context).`,
          'PA_OPENAI_REJECTED',
        );
      }
      return parseCompletion(url, json);
    },
  };
}

function exhaustedError(url: string, last: ServerFailure): UserError {
  if (last.refused) {
    return new UserError(
      `Nothing is listening at ${url} (connection refused, ${last.attempts} attempts). Start the server first (\`pa serve <checkpoint>\`, \`vllm serve <model>\`) or fix --base-url.`,
      'PA_OPENAI_UNREACHABLE',
    );
  }
  return new UserError(
    `The completions server at ${url} kept failing (${last.attempts} attempts, last: ${last.message.replace(/^.*? answered /, '')}). Check the server's log; lower --concurrency if it is overloaded.`,
    'PA_OPENAI_UNAVAILABLE',
  );
}

/** A 404 is a wrong model name or a wrong path; list the served models to say which. */
async function notFoundError(client: ServerClient, url: string, model: string, message: string): Promise<UserError> {
  const served = await client
    .request('GET', '/v1/models', undefined, { timeoutMs: 10_000 })
    .then((json) => (json as { data?: { id?: unknown }[] } | null)?.data?.map((m) => String(m.id)))
    .catch(() => undefined);
  const reason = message.replace(/^.*? answered /, '');
  if (served && served.length > 0) {
    return new UserError(
      `The completions server at ${url} does not serve model ${JSON.stringify(model)} (${reason}). It serves: ${served.join(', ')}; pass one of them as --model.`,
      'PA_OPENAI_UNKNOWN_MODEL',
    );
  }
  return new UserError(
    `${url}/completions answered ${reason} for model ${JSON.stringify(model)}. Check --model, and that --base-url points at an OpenAI-compatible server (its routes start with /v1).`,
    'PA_OPENAI_NOT_FOUND',
  );
}

function parseCompletion(url: string, body: unknown): Completion {
  const json = body as { choices?: { text?: unknown; finish_reason?: unknown }[]; usage?: { completion_tokens?: unknown } } | null;
  const choice = json?.choices?.[0];
  if (!choice || typeof choice.text !== 'string') throw badJson(url, JSON.stringify(body));
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
