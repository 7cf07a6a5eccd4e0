/**
 * Policy.generate: batched decoding with a KV cache. One prefill step over the prompts, then
 * one token per row per step. The token loop (sampling, EOS, stop strings, padding of finished
 * rows) is core's decodeLoop; this supplies the model steps.
 */
import { type GenerateInput, type GenerateOutput } from '@prompt-aug/plugin-api';
import { decodeLoop } from '@prompt-aug/core/decoding';
import type { DecoderSession, StepLogits } from '../session/decoder-session.js';
import type { KvCache } from '../session/kv-cache.js';
import { arrangeBatch, type ArrangedBatch } from './batch-layout.js';

export interface TokenDecoder {
  decode(ids: number[]): string;
}

export interface GenerateContext {
  decoder: DecoderSession;
  padId: number;
  vocabSize: number;
  eosTokenIds: number[];
  /** Needed only for stop strings. */
  tokenizer: TokenDecoder | null;
}

export async function generateTokens(ctx: GenerateContext, input: GenerateInput): Promise<GenerateOutput> {
  const batch = input.inputIds.length;
  let arranged: ArrangedBatch | undefined;
  let cache: KvCache | undefined;
  let nextPosition: number[] = [];
  const tokenizer = ctx.tokenizer;
  return decodeLoop(input, {
    vocabSize: ctx.vocabSize,
    padTokenId: ctx.padId,
    defaultEosTokenIds: ctx.eosTokenIds,
    decode: tokenizer ? (ids) => tokenizer.decode(ids) : null,
    prefill: async () => {
      arranged = arrangeBatch(input.inputIds, input.attentionMask, ctx.decoder.layout.padding, ctx.padId);
      cache = ctx.decoder.newCache(batch, (input.inputIds[0]?.length ?? 0) + input.maxNewTokens);
      nextPosition = arranged.lengths.slice();
      const logits = await prefillLastLogits(ctx, arranged, cache);
      if (logits.dims[2] !== ctx.vocabSize) throw new Error(`The graph's logits have ${logits.dims[2]} entries per token but the model config says vocab_size ${ctx.vocabSize}.`);
      return logits.data;
    },
    next: async (tokens) => {
      const mask = arranged!.attentionMask;
      mask.forEach((row) => row.push(1));
      const positions = nextPosition.map((p) => [p]);
      nextPosition = nextPosition.map((p) => p + 1);
      return (await ctx.decoder.step({ inputIds: tokens.map((tok) => [tok]), attentionMask: mask, positionIds: positions, keep: 1 }, cache!)).data;
    },
  });
}

/**
 * Logits at each row's last prompt token. Left-padded rows all end in the last column; in a
 * right-padded (GQA) layout the rows end at different columns, so keep enough columns to
 * reach the shortest row and pick each row's own.
 */
async function prefillLastLogits(ctx: GenerateContext, arranged: ArrangedBatch, cache: KvCache): Promise<StepLogits> {
  const width = arranged.inputIds[0]!.length;
  if (ctx.decoder.layout.padding === 'left') return ctx.decoder.step({ ...arranged, keep: 1 }, cache);
  const keep = width - Math.min(...arranged.lengths) + 1;
  const out = await ctx.decoder.step({ ...arranged, keep: Math.min(keep, width) }, cache);
  const [batch, kept, vocab] = out.dims;
  const last = new Float32Array(batch * vocab);
  arranged.lengths.forEach((length, b) => {
    const column = Math.max(0, length - 1) - (width - kept);
    last.set(out.data.subarray((b * kept + column) * vocab, (b * kept + column + 1) * vocab), b * vocab);
  });
  return { data: last, dims: [batch, 1, vocab] };
}
