// The one retry policy of every HTTP client in prompt-aug lives with the server client.
export { backoffDelayMs, DEFAULT_RETRY, type RetryPolicy } from '@prompt-aug/core/http';
