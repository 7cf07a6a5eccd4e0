import type { ServerResponse } from 'node:http';
import type { completionBody } from './completion-response.js';

type CompletionBody = ReturnType<typeof completionBody>;

/** The chat shape of a completions answer: `message.content`, chat-style log-probs. */
export function chatBody(completion: CompletionBody) {
  return {
    id: completion.id.replace(/^cmpl-/, 'chatcmpl-'),
    object: 'chat.completion',
    created: completion.created,
    model: completion.model,
    weight_version: completion.weight_version,
    choices: completion.choices.map((c) => ({
      index: c.index,
      message: { role: 'assistant', content: c.text },
      logprobs: c.logprobs ? { content: c.logprobs.tokens.map((token, k) => ({ token, logprob: c.logprobs!.token_logprobs[k]!, bytes: [...Buffer.from(token)], top_logprobs: [] })) } : null,
      finish_reason: c.finish_reason,
      ...('token_ids' in c ? { token_ids: c.token_ids, prompt_token_ids: c.prompt_token_ids } : {}),
    })),
    usage: completion.usage,
  };
}

/** `stream: true` for chat: a role chunk and a content chunk per choice, a finish chunk, `[DONE]`. */
export function streamChat(res: ServerResponse, body: ReturnType<typeof chatBody>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const base = { id: body.id, object: 'chat.completion.chunk', created: body.created, model: body.model };
  for (const choice of body.choices) {
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: choice.index, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`);
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: choice.index, delta: { content: choice.message.content }, finish_reason: null }] })}\n\n`);
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: choice.index, delta: {}, finish_reason: choice.finish_reason }] })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}
