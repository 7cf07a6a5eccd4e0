import type { ChatMessage } from '@prompt-aug/core';
import { BadRequest } from './completion-request.js';

/** What chat needs from the tokenizer: the model's chat template. */
export interface ChatTokenizer {
  applyChatTemplate?(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string;
  encode(text: string, opts?: { addSpecialTokens?: boolean }): number[];
}

/**
 * A `POST /v1/chat/completions` body as a completions body: the messages rendered with the
 * model's chat template (generation prompt added) and tokenized as Hugging Face does for chat
 * (special tokens come from the template text, none added), the sampling fields carried over.
 */
export function chatAsCompletionBody(body: unknown, tokenizer: ChatTokenizer): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const messages = b.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw new BadRequest('`messages` must be a non-empty array of {role, content}.');
  const parsed = messages.map((m: unknown, i): ChatMessage => {
    const msg = m as { role?: unknown; content?: unknown };
    if (typeof msg?.role !== 'string' || !['system', 'user', 'assistant', 'developer'].includes(msg.role)) throw new BadRequest(`\`messages[${i}].role\` must be system, user, assistant or developer.`);
    return { role: msg.role === 'developer' ? 'system' : msg.role, content: contentText(msg.content, i) };
  });
  if (!tokenizer.applyChatTemplate) throw new BadRequest('This model has no chat template; use /v1/completions with a prompt.');
  let rendered: string;
  try {
    rendered = tokenizer.applyChatTemplate(parsed, { addGenerationPrompt: true });
  } catch (error) {
    throw new BadRequest(`The model's chat template could not render these messages: ${(error as Error).message}`);
  }
  const { messages: _messages, max_completion_tokens: maxCompletion, logprobs, top_logprobs: top, ...rest } = b;
  if (top !== undefined && top !== null && top !== 0) throw new BadRequest('`top_logprobs` is not supported: this server returns the sampled token\'s log-prob only.');
  return {
    ...rest,
    prompt: tokenizer.encode(rendered, { addSpecialTokens: false }),
    ...(b.max_tokens === undefined && maxCompletion !== undefined ? { max_tokens: maxCompletion } : {}),
    ...(logprobs === true ? { logprobs: 0 } : logprobs === false || logprobs === undefined || logprobs === null ? {} : { logprobs }),
  };
}

/** Text content, or OpenAI's list of `{type: "text", text}` parts. */
function contentText(content: unknown, index: number): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content) && content.every((p) => p?.type === 'text' && typeof p.text === 'string')) return content.map((p: { text: string }) => p.text).join('');
  throw new BadRequest(`\`messages[${index}].content\` must be text (a string or a list of {type: "text", text} parts).`);
}
