import { UserError } from '@prompt-aug/core';
import { runEval, type EvalOutcome, type RunEvalOptions } from '../run-eval.js';
import type { RetryPolicy } from './backoff.js';
import { createCompletionsClient } from './completions-client.js';
import { openAiPolicy } from './openai-policy.js';
import { TextHandles } from './text-handles.js';

export interface RunOpenAiEvalOptions extends Omit<RunEvalOptions, 'policy' | 'tokenizer'> {
  /** `--base-url`: the OpenAI-compatible server (vLLM, SGLang, llama.cpp, `pa serve`). */
  baseUrl: string;
  /** `--model`: the name the server serves the model under. */
  modelName: string;
  /** `--concurrency`: requests in flight (default 8). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
}

/**
 * `pa eval --backend openai`: the same evaluation as runEval (samples.jsonl, results.json,
 * report.html, --resume), with the generations made by a remote completions server from the
 * rendered prompt text.
 */
export async function runOpenAiEval(options: RunOpenAiEvalOptions): Promise<EvalOutcome> {
  const { baseUrl, modelName, concurrency = 8, retry, requestTimeoutMs, ...rest } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UserError(`--concurrency must be a whole number of at least 1; got ${concurrency}.`, 'PA_EVAL_BAD_FLAG');
  }
  const client = createCompletionsClient({ baseUrl, model: modelName, ...(retry ? { retry } : {}), ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });
  const handles = new TextHandles();
  return runEval({
    ...rest,
    // Batches are the unit of fsync in samples.jsonl; make them big enough to keep every request slot busy.
    generation: { batchSize: Math.max(16, concurrency * 2), ...rest.generation },
    policy: openAiPolicy(client, handles, modelName, concurrency),
    tokenizer: handles,
    model: rest.model ?? `${modelName} @ ${client.url}`,
  });
}
