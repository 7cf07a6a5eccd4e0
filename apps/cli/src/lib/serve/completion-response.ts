import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { TextTokenizer } from '@prompt-aug/core/model';
import type { PromptCompletion } from './complete-prompts.js';
import type { CompletionRequest } from './completion-request.js';

/** The OpenAI completions body (plus vLLM's `token_ids`/`prompt_token_ids`/`stop_reason` when asked). */
export function completionBody(request: CompletionRequest, completions: PromptCompletion[], modelName: string, tokenizer: TextTokenizer, weightVersion: string) {
  const promptTokens = completions.filter((_, i) => i % request.n === 0).reduce((s, c) => s + c.promptIds.length, 0);
  const completionTokens = completions.reduce((s, c) => s + c.tokenIds.length, 0);
  return {
    id: `cmpl-${randomUUID()}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model: modelName,
    weight_version: weightVersion,
    choices: completions.map((c, index) => choiceBody(request, c, index, tokenizer)),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function choiceBody(request: CompletionRequest, c: PromptCompletion, index: number, tokenizer: TextTokenizer) {
  const prefix = request.echo ? tokenizer.decode(c.promptIds, { skipSpecialTokens: true }) : '';
  return {
    index,
    text: prefix + c.text,
    logprobs: c.logprobs ? logprobsBody(c.tokenIds, c.logprobs, tokenizer) : null,
    finish_reason: c.finishReason,
    stop_reason: c.stopReason,
    ...(request.returnTokenIds ? { prompt_token_ids: c.promptIds, token_ids: c.tokenIds } : {}),
  };
}

/** OpenAI's legacy completions log-probs: per token its text, its log-prob, and its offset in the text. */
function logprobsBody(ids: number[], logprobs: number[], tokenizer: TextTokenizer) {
  const tokens = ids.map((id) => tokenizer.decode([id]));
  const textOffset: number[] = [];
  let offset = 0;
  for (const t of tokens) {
    textOffset.push(offset);
    offset += t.length;
  }
  // JSON has no -Infinity; vLLM sends -9999.0 for it, so do the same.
  return { tokens, token_logprobs: logprobs.map((v) => (Number.isFinite(v) ? v : -9999)), top_logprobs: null, text_offset: textOffset };
}

/**
 * `stream: true` as server-sent events: one chunk per choice carrying its whole text (the Policy
 * generates a batch at once, so the text arrives when generation ends), then `data: [DONE]`.
 * Chunks have the shape of OpenAI's streamed completions, which its clients read.
 */
export function streamCompletion(res: ServerResponse, body: ReturnType<typeof completionBody>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const choice of body.choices) {
    const chunk = { id: body.id, object: 'text_completion', created: body.created, model: body.model, choices: [choice] };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  res.write(`data: ${JSON.stringify({ id: body.id, object: 'text_completion', created: body.created, model: body.model, choices: [], usage: body.usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}
