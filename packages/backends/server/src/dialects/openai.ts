import type { FinishReason } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';
import { ProtocolError, type Dialect, type EngineChoice, type GroupRequest, type ServedModel } from './dialect.js';

/**
 * A plain OpenAI-compatible `/v1/completions` (llama.cpp, TGI, hosted APIs): text in, text
 * out. The prompt is decoded with the model's tokenizer and each completion encoded back, so
 * token ids may differ from what the engine sampled at token boundaries, and there are no
 * engine log-probs (the trainer recomputes them).
 */
export function openaiBody(request: GroupRequest, model: string | undefined, tokenizer: Pick<TextTokenizer, 'decode'>): Record<string, unknown> {
  return {
    ...(model !== undefined ? { model } : {}),
    prompt: tokenizer.decode(request.promptIds, { skipSpecialTokens: false }),
    n: request.n,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    seed: request.seed,
    ...(request.stop.length > 0 ? { stop: request.stop } : {}),
  };
}

export function parseOpenaiCompletion(json: unknown, request: Pick<GroupRequest, 'n' | 'stopTokenIds'>, tokenizer: Pick<TextTokenizer, 'encode'>): EngineChoice[] {
  const choices = (json as { choices?: unknown })?.choices;
  if (!Array.isArray(choices)) throw new ProtocolError('the answer has no `choices` list');
  if (choices.length !== request.n) throw new ProtocolError(`asked for n=${request.n} completions, got ${choices.length}`);
  const ordered = [...(choices as { index?: unknown; text?: unknown; finish_reason?: unknown }[])].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
  return ordered.map((choice, i) => {
    if (typeof choice.text !== 'string') throw new ProtocolError(`choice ${i} has no \`text\``);
    const tokenIds = tokenizer.encode(choice.text, { addSpecialTokens: false });
    const finishReason: FinishReason = choice.finish_reason === 'length' ? 'length' : 'eos';
    // The text of a rollout that ended on EOS leaves the EOS out; the trainer scores it, so put it back.
    if (finishReason === 'eos' && request.stopTokenIds.length > 0) tokenIds.push(request.stopTokenIds[0]!);
    return { tokenIds, finishReason };
  });
}

export const openaiDialect = (model: ServedModel, tokenizer: Pick<TextTokenizer, 'encode' | 'decode'>): Dialect => ({
  kind: 'openai',
  tokenIdsNative: false,
  async generate(client, request, signal) {
    const json = await client.request('POST', '/v1/completions', openaiBody(request, await model(client), tokenizer), { signal });
    return parseOpenaiCompletion(json, request, tokenizer);
  },
  async reload() {
    throw new ProtocolError('a plain OpenAI-compatible server has no endpoint to load new weights; use --rollout-server-kind vllm or sglang (pa serve speaks both)');
  },
  weightVersion: async () => undefined,
});
