/** How a client waits between attempts; injectable so tests are fast and deterministic. */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** Delay before the first retry; doubles each retry. */
  baseDelayMs: number;
  /** Cap on one delay (a Retry-After header is capped too). */
  maxDelayMs: number;
  /** Uniform [0, 1); the jitter spreads retries of concurrent requests apart. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random,
 * so waits grow reliably but concurrent clients don't retry in lockstep. A server's
 * Retry-After (seconds) wins when it asks for longer.
 */
export function backoffDelayMs(retry: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, attempt: number, retryAfterSeconds?: number): number {
  const step = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  const jittered = step / 2 + (step / 2) * retry.random();
  const asked = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.min(retry.maxDelayMs, Math.max(jittered, asked)));
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, (date - now) / 1000) : undefined;
}
