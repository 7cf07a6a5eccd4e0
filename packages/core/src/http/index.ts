// Public API of @prompt-aug/core/http: the one HTTP client prompt-aug talks to inference servers with
// (vLLM, SGLang, pa serve, any OpenAI-compatible server): bounded concurrency per server, retries
// with jittered backoff honouring Retry-After, timeouts, and one reader for the engines' error bodies.
export { ServerClient, serverRoot, type ServerClientOptions, type RequestOptions } from './server-client.js';
export { ServerFailure, type FailureKind } from './http-failure.js';
export { backoffDelayMs, parseRetryAfter, DEFAULT_RETRY, type RetryPolicy } from './backoff.js';
export { errorBodyMessage } from './error-body.js';
