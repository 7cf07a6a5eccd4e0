import type { Policy } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';
import type { CompletionRequest } from './completion-request.js';

export interface PromptCompletion {
  text: string;
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
}

/**
 * Generate the completions of one request in one Policy batch (each prompt n times), the way
 * the eval's local path does: default special-token handling on encode, prompts left-padded,
 * EOS ids of tokenizer and model, special tokens dropped on decode. Stop strings are cut off
 * the text, as OpenAI servers return it.
 */
export async function completePrompts(policy: Policy, tokenizer: TextTokenizer, request: CompletionRequest): Promise<PromptCompletion[]> {
  const rows = request.prompts.flatMap((p) => new Array<string>(request.n).fill(p)).map((text) => tokenizer.encode(text));
  const width = Math.max(...rows.map((r) => r.length));
  const out = await policy.generate({
    inputIds: rows.map((r) => [...new Array<number>(width - r.length).fill(tokenizer.padTokenId), ...r]),
    attentionMask: rows.map((r) => [...new Array<number>(width - r.length).fill(0), ...new Array<number>(r.length).fill(1)]),
    maxNewTokens: request.maxTokens,
    temperature: request.temperature,
    topP: request.topP,
    seed: request.seed,
    eosTokenIds: [...new Set([...tokenizer.eosTokenIds, ...policy.info.eosTokenIds])],
    ...(request.stop.length > 0 ? { stopStrings: request.stop } : {}),
  });
  return rows.map((prompt, row) => {
    const length = out.lengths[row] ?? 0;
    let text = tokenizer.decode((out.tokens[row] ?? []).slice(0, length), { skipSpecialTokens: true });
    const cut = Math.min(...request.stop.map((s) => text.indexOf(s)).filter((i) => i >= 0));
    if (Number.isFinite(cut)) text = text.slice(0, cut);
    return { text, finishReason: out.finishReasons[row] === 'length' && !Number.isFinite(cut) ? 'length' : 'stop', promptTokens: prompt.length, completionTokens: length };
  });
}
