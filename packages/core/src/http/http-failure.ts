/**
 * How one HTTP exchange with an inference server failed. The pool reacts differently to each:
 * an overloaded server is retried after a wait, a down server has its work moved to another,
 * and a rejected request is the caller's mistake (no other server would answer differently).
 */
export type FailureKind = 'overloaded' | 'down' | 'rejected' | 'protocol';

export class ServerFailure extends Error {
  override readonly name = 'ServerFailure';
  constructor(
    readonly kind: FailureKind,
    /** The server root, e.g. http://127.0.0.1:8000. */
    readonly server: string,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    /** Nothing listens at the address (connection refused), as opposed to a reset or a timeout. */
    readonly refused = false,
  ) {
    super(message);
  }

  /** Requests made before giving up (set by the client). */
  attempts = 1;
}

/** The node/undici reason behind a failed fetch (connection refused, reset, timeout). */
export function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (e.name === 'TimeoutError') return 'timed out';
  if (e.name === 'AbortError') return 'aborted';
  const cause = e.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code;
  return code ? `${code}${cause?.message && !cause.message.includes(code) ? `: ${cause.message}` : ''}` : (cause?.message ?? e.message ?? String(error));
}
