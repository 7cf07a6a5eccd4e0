import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfter, type RetryPolicy } from './backoff.js';
import { errorBodyMessage } from './error-body.js';
import { networkReason, ServerFailure } from './http-failure.js';
import { Semaphore } from './semaphore.js';

export interface ServerClientOptions {
  /** Requests in flight to this server at once; more wait here (default 16). */
  maxConcurrent?: number;
  /** One request's time limit (default 10 minutes: a long generation is slow, not dead). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  /**
   * Also retry a server that does not answer (refused, reset, timed out). Off for pools, which
   * move the work to another server instead; on for a client of one server (pa eval --backend openai).
   */
  retryUnreachable?: boolean;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Cancels the request (and its retries). */
  signal?: AbortSignal;
}

/**
 * One inference server over HTTP: bounded concurrency, JSON in and out, and retries with
 * jittered exponential backoff (honouring Retry-After) while the server is overloaded
 * (429, 503) or briefly failing (other 5xx). A server that does not answer at all (refused,
 * reset, timed out) is reported as `down` at once, so a pool can move the work elsewhere.
 */
export class ServerClient {
  readonly root: string;
  private readonly gate: Semaphore;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(
    url: string,
    private readonly options: ServerClientOptions = {},
  ) {
    this.root = serverRoot(url);
    this.gate = new Semaphore(options.maxConcurrent ?? 16);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 600_000;
  }

  /** Requests in flight or waiting for a slot. */
  get inFlight(): number {
    return this.gate.inUse;
  }

  /** POST (or GET without a body) a JSON request; resolves with the parsed JSON answer. */
  async request(method: 'GET' | 'POST', path: string, body?: unknown, options: RequestOptions = {}): Promise<unknown> {
    return this.gate.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.once(method, path, body, options);
        } catch (error) {
          if (!(error instanceof ServerFailure)) throw error;
          error.attempts = attempt + 1;
          const retryable = error.kind === 'overloaded' || (error.kind === 'down' && this.options.retryUnreachable === true);
          if (!retryable || attempt >= this.retry.maxRetries || options.signal?.aborted) throw error;
          await this.retry.sleep(backoffDelayMs(this.retry, attempt, error.retryAfterSeconds));
        }
      }
    });
  }

  private async once(method: 'GET' | 'POST', path: string, body: unknown, options: RequestOptions): Promise<unknown> {
    const url = `${this.root}${path}`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      const reason = networkReason(error);
      throw new ServerFailure('down', this.root, `${method} ${url} got no answer (${reason})`, undefined, undefined, reason.startsWith('ECONNREFUSED'));
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      throw new ServerFailure('overloaded', this.root, `${method} ${url} answered HTTP ${response.status}: ${errorBodyMessage(text)}`, response.status, retryAfter);
    }
    if (!response.ok) {
      throw new ServerFailure('rejected', this.root, `${method} ${url} answered HTTP ${response.status}: ${errorBodyMessage(text)}`, response.status);
    }
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ServerFailure('protocol', this.root, `${method} ${url} answered HTTP ${response.status} with a body that is not JSON: ${errorBodyMessage(text)}`, response.status);
    }
  }
}

/** `http://h:p`, `http://h:p/`, `http://h:p/v1/` → `http://h:p` (the engine's routes hang off the root). */
export function serverRoot(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${url}`);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${parsed.origin}${path}`;
}
