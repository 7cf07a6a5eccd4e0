import type { FinishReason, GenerateInput, GenerateOutput, Policy } from '@prompt-aug/plugin-api';
import type { CompletionsClient } from './completions-client.js';
import { mapConcurrent } from './map-concurrent.js';
import type { TextHandles } from './text-handles.js';

/**
 * A generate-only Policy over an OpenAI-compatible server: each row of a batch (one text id,
 * see TextHandles) becomes one `/v1/completions` request, at most `concurrency` in flight.
 * One prompt per request so `usage.completion_tokens` is that sample's token count.
 */
export function openAiPolicy(client: CompletionsClient, handles: TextHandles, model: string, concurrency: number): Policy {
  const generateOnly = (what: string) => async (): Promise<never> => {
    throw new Error(`The openai backend only generates text; ${what} needs a local backend (backend-ort, backend-tfjs).`);
  };
  return {
    info: { backend: `openai ${model} @ ${client.url}`, device: 'remote', architecture: 'remote', numParameters: 0, vocabSize: 0, padTokenId: handles.padTokenId, eosTokenIds: [] },
    forward: generateOnly('forward'),
    logprobs: generateOnly('logprobs'),
    async generate(input: GenerateInput): Promise<GenerateOutput> {
      const prompts = input.inputIds.map((row, r) => {
        const ids = row.filter((_, t) => input.attentionMask[r]![t] === 1);
        if (ids.length !== 1) throw new Error(`openai backend: expected one text id per prompt row, got ${ids.length}`);
        return handles.text(ids[0]!);
      });
      const completions = await mapConcurrent(prompts, concurrency, (prompt, row) =>
        client.complete({
          prompt,
          maxTokens: input.maxNewTokens,
          temperature: input.temperature ?? 0,
          topP: input.topP ?? 1,
          ...(input.topK ? { topK: input.topK } : {}),
          // A row's own seed makes its sample independent of the batch it went in (servers seed per request).
          ...(input.rowSeeds ? { seed: input.rowSeeds[row] } : input.seed !== undefined ? { seed: input.seed } : {}),
          ...(input.stopStrings ? { stop: input.stopStrings } : {}),
        }),
      );
      const out: GenerateOutput = { tokens: [], lengths: [], finishReasons: [] };
      for (const c of completions) {
        // The row is the response's text id then pad ids, as long as the server's token count,
        // so samples.jsonl records real token counts and decode yields exactly the text.
        const length = Math.max(c.completionTokens ?? 0, c.text.length > 0 ? 1 : 0);
        const row = new Array<number>(length).fill(handles.padTokenId);
        if (length > 0) row[0] = handles.encode(c.text)[0]!;
        out.tokens.push(row);
        out.lengths.push(length);
        // OpenAI's "stop" covers both EOS and stop strings; with no stop strings it is the EOS.
        out.finishReasons.push((c.finishReason === 'length' ? 'length' : input.stopStrings?.length ? 'stop' : 'eos') as FinishReason);
      }
      return out;
    },
    dispose() {},
  };
}
