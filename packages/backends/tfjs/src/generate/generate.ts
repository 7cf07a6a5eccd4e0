/**
 * Batched generation with a KV cache: one prefill over the left-padded prompts, then one
 * token per step for every row. A finished row (EOS, stop string) keeps running in the batch
 * on pad tokens — its outputs are ignored — and its output row is filled with the pad id.
 */
import * as tf from '@tensorflow/tfjs';
import { SeededRandom, UserError, tokenLogprob, type FinishReason, type GenerateInput, type GenerateOutput } from '@prompt-aug/core';
import type { LayerCache } from '../model/attention.js';
import { decoderHidden, lmHeadLogits } from '../model/decoder.js';
import type { Model } from '../model/forward.js';
import { attentionBias, positionIds } from '../model/positions.js';
import { rotaryTables } from '../model/rope.js';
import { sampleToken } from './sampler.js';

export interface GenerationContext {
  model: Model;
  /** Output projection [H, V] (precomputed for tied models). */
  projection: tf.Tensor;
  padTokenId: number;
  defaultEosTokenIds: number[];
  /** Needed only for stop strings. */
  decode?: (ids: number[]) => string;
}

interface StepResult {
  logits: Float32Array;
  cache: LayerCache[];
}

function runStep(ctx: GenerationContext, ids: number[][], keyMask: number[][], seen: number[], past?: LayerCache[]): StepResult {
  const steps = ids[0]!.length;
  const batch = ids.length;
  const { config } = ctx.model;
  const queryMask = keyMask.map((row) => row.slice(row.length - steps));
  let cache: LayerCache[] = [];
  const logitsTensor = tf.tidy(() => {
    const rotary = rotaryTables(positionIds(queryMask, seen), config.headDim, config.ropeTheta);
    const bias = tf.tensor4d(attentionBias(keyMask, steps), [batch, 1, steps, keyMask[0]!.length]);
    const tokens = tf.tensor2d(ids.flat(), [batch, steps], 'int32');
    const result = decoderHidden(config, ctx.model.params, tokens, { rotary, bias }, past);
    // The new cache outlives this scope.
    cache = result.cache.map((layer) => ({ keys: tf.keep(layer.keys), values: tf.keep(layer.values) }));
    const last = tf.slice(result.hidden, [0, steps - 1, 0], [batch, 1, config.hiddenSize]);
    return lmHeadLogits(last, ctx.projection);
  });
  const logits = logitsTensor.dataSync() as Float32Array;
  logitsTensor.dispose();
  return { logits, cache };
}

function disposeCache(cache: LayerCache[] | undefined): void {
  for (const layer of cache ?? []) tf.dispose([layer.keys, layer.values]);
}

export function generate(ctx: GenerationContext, input: GenerateInput): GenerateOutput {
  const batch = input.inputIds.length;
  const V = ctx.model.config.vocabSize;
  const eos = new Set(input.eosTokenIds ?? ctx.defaultEosTokenIds);
  const stops = input.stopStrings ?? [];
  if (stops.length > 0 && !ctx.decode) {
    throw new UserError('generate was given stopStrings but the model folder has no tokenizer.json to decode with; add the tokenizer files to the folder or stop on eosTokenIds instead.', 'PA_NO_TOKENIZER');
  }
  const sampling = { temperature: input.temperature ?? 0, topK: input.topK, topP: input.topP };
  const rng = new SeededRandom(input.seed ?? 0);
  const generated: number[][] = input.inputIds.map(() => []);
  // Scored like `logprobs` scores them: the unfiltered softmax at the sampling temperature (1 when greedy).
  const scoring = input.returnLogprobs ? { temperature: sampling.temperature > 0 ? sampling.temperature : 1, logprobs: input.inputIds.map((): number[] => []), entropy: input.inputIds.map((): number[] => []) } : null;
  const finish: (FinishReason | null)[] = input.inputIds.map(() => null);
  const keyMask = input.attentionMask.map((row) => row.slice());
  const seen = keyMask.map(() => 0);
  let step = runStep(ctx, input.inputIds, keyMask, seen);
  for (let b = 0; b < batch; b++) seen[b] = keyMask[b]!.reduce((a, m) => a + m, 0);
  for (let t = 0; t < input.maxNewTokens; t++) {
    const next: number[] = [];
    for (let b = 0; b < batch; b++) {
      if (finish[b]) {
        next.push(ctx.padTokenId);
        continue;
      }
      const row = step.logits.subarray(b * V, (b + 1) * V);
      const token = sampleToken(row, sampling, rng);
      generated[b]!.push(token);
      if (scoring) {
        // Non-finite logits sample no valid token; leave NaN and let the caller see the token.
        const scored = Number.isInteger(token) && token >= 0 && token < V ? tokenLogprob(row, token, scoring.temperature) : { logprob: Number.NaN, entropy: Number.NaN };
        scoring.logprobs[b]!.push(scored.logprob);
        scoring.entropy[b]!.push(scored.entropy);
      }
      next.push(token);
      if (eos.has(token)) finish[b] = 'eos';
      else if (stops.length > 0 && stops.some((s) => ctx.decode!(generated[b]!).includes(s))) finish[b] = 'stop';
      else if (generated[b]!.length === input.maxNewTokens) finish[b] = 'length';
    }
    if (finish.every((f) => f !== null) || t === input.maxNewTokens - 1) break;
    for (const row of keyMask) row.push(1);
    const previous = step.cache;
    step = runStep(ctx, next.map((id) => [id]), keyMask, seen, previous);
    disposeCache(previous);
    for (let b = 0; b < batch; b++) seen[b]! += 1;
  }
  disposeCache(step.cache);
  const padded = (rows: number[][], fill: number) => rows.map((row) => [...row, ...Array<number>(input.maxNewTokens - row.length).fill(fill)]);
  return {
    tokens: padded(generated, ctx.padTokenId),
    lengths: generated.map((row) => row.length),
    finishReasons: finish.map((f) => f ?? 'length'),
    ...(scoring ? { logprobs: padded(scoring.logprobs, 0), entropy: padded(scoring.entropy, 0) } : {}),
  };
}
