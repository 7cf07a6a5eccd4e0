/** What one `pa serve` accepts; everything beyond is refused before any work is done. */
export interface ServeLimits {
  /** Completions per prompt (`n`). */
  maxN: number;
  /** Sequences in one request (prompts × n): one generate batch. */
  maxBatch: number;
  /** Prompt tokens + max_tokens of one sequence; default the model's context (max_position_embeddings). */
  contextLength: number;
  /** Requests waiting behind the one generating; more are answered 429 with Retry-After. */
  maxQueue: number;
  /** Request bodies larger than this are refused (413) without being read further. */
  maxBodyBytes: number;
  /** Time for a client to send its request headers, and its whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Omit<ServeLimits, 'contextLength'> = {
  maxN: 64,
  maxBatch: 512,
  maxQueue: 32,
  maxBodyBytes: 4 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

/** A text prompt longer than this many characters per context token cannot fit, so it is refused before tokenizing. */
export const MAX_CHARS_PER_TOKEN = 64;
