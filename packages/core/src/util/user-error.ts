import type { ErrorCode } from './error-codes.js';

/**
 * An error the user can fix (bad flag, bad row, missing file, bad plugin). Its message is one
 * paragraph that names the input and the fix; the CLI prints it without a stack trace. Its
 * code is one of ERROR_CODES (error-codes.ts), which docs/errors.md explains.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly code: ErrorCode = 'PA_USER_ERROR',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError';
}
