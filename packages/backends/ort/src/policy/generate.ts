/**
 * Policy.generate: batched decoding with a KV cache. One prefill step over the (left-padded)
 * prompts, then one token per row per step; rows stop on EOS, a stop string or the token
 * budget, and a finished row is filled with the pad id while the others go on.
 */
import { SeededRandom, UserError, tokenLogprob, type FinishReason, type GenerateInput, type GenerateOutput } from '@prompt-aug/core';
import type { DecoderSession, StepLogits } from '../session/decoder-session.js';
import type { KvCache } from '../session/kv-cache.js';
import { arrangeBatch, type ArrangedBatch } from './batch-layout.js';
import { sampleToken, type SamplingOptions } from './sampling.js';
import { StopStringWatcher, type TokenDecoder } from './stop-strings.js';

export interface GenerateContext {
  decoder: DecoderSession;
  padId: number;
  eosTokenIds: number[];
  /** Needed only for stop strings. */
  tokenizer: TokenDecoder | null;
}

export async function generateTokens(ctx: GenerateContext, input: GenerateInput): Promise<GenerateOutput> {
  const batch = input.inputIds.length;
  const sampling = samplingOptions(input);
  const eos = new Set(input.eosTokenIds ?? ctx.eosTokenIds);
  const watcher = stopWatcher(ctx, input.stopStrings);
  // One generator per row, forked in row order, so a row's draws do not depend on when others finish.
  const master = new SeededRandom(input.seed ?? 0);
  const randoms = Array.from({ length: batch }, () => master.fork());
  const tokens = Array.from({ length: batch }, () => new Array<number>(input.maxNewTokens).fill(ctx.padId));
  const lengths = new Array<number>(batch).fill(0);
  const reasons = new Array<FinishReason>(batch).fill('length');
  const finished = new Array<boolean>(batch).fill(false);
  // With returnLogprobs: scored like `logprobs` scores them (unfiltered softmax at the sampling temperature, 1 when greedy).
  const scoring = input.returnLogprobs
    ? { temperature: sampling.temperature > 0 ? sampling.temperature : 1, logprobs: tokens.map((row) => row.map(() => 0)), entropy: tokens.map((row) => row.map(() => 0)) }
    : null;
  const result = () => ({ tokens, lengths, finishReasons: reasons, ...(scoring ? { logprobs: scoring.logprobs, entropy: scoring.entropy } : {}) });
  if (input.maxNewTokens <= 0) return result();

  const arranged = arrangeBatch(input.inputIds, input.attentionMask, ctx.decoder.layout.padding, ctx.padId);
  const cache = ctx.decoder.newCache(batch, (input.inputIds[0]?.length ?? 0) + input.maxNewTokens);
  const mask = arranged.attentionMask;
  const nextPosition = arranged.lengths.slice();
  let logits = await prefillLastLogits(ctx, arranged, cache);
  const vocab = logits.dims[2];

  for (let t = 0; t < input.maxNewTokens; t++) {
    const stepTokens = new Array<number>(batch).fill(ctx.padId);
    for (let b = 0; b < batch; b++) {
      if (finished[b]) continue;
      const row = logits.data.subarray(b * vocab, (b + 1) * vocab);
      const token = sampleToken(row, sampling, randoms[b]!);
      tokens[b]![t] = stepTokens[b] = token;
      if (scoring) {
        // Non-finite logits sample no valid token; leave NaN and let the caller see the token.
        const scored = Number.isInteger(token) && token >= 0 && token < vocab ? tokenLogprob(row, token, scoring.temperature) : { logprob: Number.NaN, entropy: Number.NaN };
        scoring.logprobs[b]![t] = scored.logprob;
        scoring.entropy[b]![t] = scored.entropy;
      }
      lengths[b] = t + 1;
      if (eos.has(token)) finish(b, 'eos');
      else if (watcher?.matches(tokens[b]!.slice(0, t + 1))) finish(b, 'stop');
    }
    if (finished.every(Boolean) || t === input.maxNewTokens - 1) break;
    // Finished rows keep feeding the pad id: rows never attend to each other, so this is inert.
    mask.forEach((row) => row.push(1));
    const positions = nextPosition.map((p) => [p]);
    nextPosition.forEach((p, b) => (nextPosition[b] = p + 1));
    logits = await ctx.decoder.step({ inputIds: stepTokens.map((tok) => [tok]), attentionMask: mask, positionIds: positions, keep: 1 }, cache);
  }
  return result();

  function finish(b: number, reason: FinishReason): void {
    finished[b] = true;
    reasons[b] = reason;
  }
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

function samplingOptions(input: GenerateInput): SamplingOptions {
  const temperature = input.temperature ?? 0;
  const topP = input.topP ?? 1;
  const topK = input.topK ?? 0;
  if (!(temperature >= 0) || !(topP > 0 && topP <= 1) || !(Number.isInteger(topK) && topK >= 0)) {
    throw new UserError(
      `Invalid sampling settings (temperature ${temperature}, topP ${topP}, topK ${topK}): temperature must be >= 0 (0 = greedy), topP in (0, 1], topK a whole number >= 0 (0 = off).`,
      'PA_ORT_BAD_SAMPLING',
    );
  }
  return { temperature, topP, topK };
}

function stopWatcher(ctx: GenerateContext, stops: string[] | undefined): StopStringWatcher | null {
  if (!stops || stops.length === 0) return null;
  if (!ctx.tokenizer) {
    throw new UserError('stopStrings need the model tokenizer, but the model folder has no tokenizer.json. Add the tokenizer files to the folder or stop on eosTokenIds instead.', 'PA_ORT_NO_TOKENIZER');
  }
  return new StopStringWatcher(stops, ctx.tokenizer);
}
