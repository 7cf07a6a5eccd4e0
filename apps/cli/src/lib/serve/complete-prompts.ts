import type { FinishReason, Policy } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';
import { BadRequest, type CompletionRequest } from './completion-request.js';
import { MAX_CHARS_PER_TOKEN, type ServeLimits } from './serve-limits.js';

export interface PromptCompletion {
  text: string;
  finishReason: 'stop' | 'length';
  /** vLLM's `stop_reason`: null for an end-of-sequence token, the stop string that ended it otherwise. */
  stopReason: string | null;
  promptIds: number[];
  tokenIds: number[];
  /** The sampled tokens' log-probs (temperature applied), when asked for. */
  logprobs?: number[];
}

/** Token ids of every prompt, checked against the vocabulary and the context; client mistakes are BadRequest (400). */
export function promptTokenIds(request: CompletionRequest, tokenizer: TextTokenizer, vocabSize: number, limits: Pick<ServeLimits, 'contextLength' | 'maxN' | 'maxBatch'>): number[][] {
  if (request.n > limits.maxN) throw new BadRequest(`\`n\` is ${request.n}; this server generates at most ${limits.maxN} completions per prompt.`);
  const rows = request.prompts.length * request.n;
  if (rows > limits.maxBatch) throw new BadRequest(`${request.prompts.length} prompts × n ${request.n} = ${rows} sequences; this server takes at most ${limits.maxBatch} in one request. Split it.`);
  return request.prompts.map((prompt, i) => {
    if ('text' in prompt && prompt.text.length > limits.contextLength * MAX_CHARS_PER_TOKEN) {
      throw new BadRequest(`Prompt ${i} is ${prompt.text.length} characters, far beyond the model's context of ${limits.contextLength} tokens.`);
    }
    const ids = 'ids' in prompt ? prompt.ids : tokenizer.encode(prompt.text);
    const bad = ids.find((id) => id >= vocabSize);
    if (bad !== undefined) throw new BadRequest(`Prompt ${i} has token id ${bad}; the model's vocabulary has ${vocabSize} ids.`);
    if (ids.length === 0) throw new BadRequest(`Prompt ${i} is empty.`);
    if (ids.length + request.maxTokens > limits.contextLength) {
      throw new BadRequest(`This model's maximum context length is ${limits.contextLength} tokens; prompt ${i} has ${ids.length} tokens and max_tokens is ${request.maxTokens}. Shorten the prompt or lower max_tokens.`);
    }
    return ids;
  });
}

/**
 * Generate the completions of one request in one Policy batch (each prompt n times, adjacent),
 * prompts left-padded, EOS ids of tokenizer, model and request; special tokens dropped on
 * decode. Stop strings are cut off the text, as OpenAI servers return it; token ids and
 * log-probs keep every generated token.
 */
export async function completePrompts(policy: Policy, tokenizer: TextTokenizer, request: CompletionRequest, prompts: number[][], signal?: AbortSignal): Promise<PromptCompletion[]> {
  const rows = prompts.flatMap((ids) => new Array<number[]>(request.n).fill(ids));
  const width = Math.max(...rows.map((r) => r.length));
  const out = await policy.generate({
    inputIds: rows.map((r) => [...new Array<number>(width - r.length).fill(tokenizer.padTokenId), ...r]),
    attentionMask: rows.map((r) => [...new Array<number>(width - r.length).fill(0), ...new Array<number>(r.length).fill(1)]),
    maxNewTokens: request.maxTokens,
    temperature: request.temperature,
    topP: request.topP,
    topK: request.topK,
    seed: request.seed,
    eosTokenIds: [...new Set([...tokenizer.eosTokenIds, ...policy.info.eosTokenIds, ...request.stopTokenIds])],
    ...(request.stop.length > 0 ? { stopStrings: request.stop } : {}),
    ...(request.logprobs ? { returnLogprobs: true } : {}),
    ...(signal ? { signal } : {}),
  });
  return rows.map((promptIds, row) => {
    const length = out.lengths[row] ?? 0;
    const tokenIds = (out.tokens[row] ?? []).slice(0, length);
    let text = tokenizer.decode(tokenIds, { skipSpecialTokens: true });
    const cuts = request.stop.map((s) => ({ s, at: text.indexOf(s) })).filter((c) => c.at >= 0).sort((a, b) => a.at - b.at);
    if (cuts[0]) text = text.slice(0, cuts[0].at);
    const reason: FinishReason | undefined = out.finishReasons[row];
    return {
      text,
      finishReason: reason === 'length' && !cuts[0] ? 'length' : 'stop',
      stopReason: cuts[0] ? cuts[0].s : null,
      promptIds,
      tokenIds,
      ...(request.logprobs ? { logprobs: logprobsOf(out.logprobs?.[row], length) } : {}),
    };
  });
}

function logprobsOf(row: number[] | undefined, length: number): number[] {
  if (!row) throw new Error('the backend gave no log-probs for its generated tokens (it cannot return them with generate)');
  return row.slice(0, length);
}
