/**
 * Batched generation with a KV cache: one prefill over the left-padded prompts, then one
 * token per step for every row. The token loop (sampling, EOS, stop strings, padding of
 * finished rows) is core's decodeLoop; this supplies the model steps.
 */
import * as tf from '@tensorflow/tfjs';
import { type GenerateInput, type GenerateOutput } from '@prompt-aug/plugin-api';
import { decodeLoop } from '@prompt-aug/core/decoding';
import type { LayerCache } from '../model/attention.js';
import { decoderHidden, lmHeadLogits } from '../model/decoder.js';
import type { Model } from '../model/forward.js';
import { attentionBias, positionIds } from '../model/positions.js';
import { rotaryTables } from '../model/rope.js';

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

export async function generate(ctx: GenerationContext, input: GenerateInput): Promise<GenerateOutput> {
  const keyMask = input.attentionMask.map((row) => row.slice());
  const seen = keyMask.map(() => 0);
  let cache: LayerCache[] | undefined;
  const step = (ids: number[][]): Float32Array => {
    const result = runStep(ctx, ids, keyMask, seen, cache);
    disposeCache(cache);
    cache = result.cache;
    return result.logits;
  };
  try {
    return await decodeLoop(input, {
      vocabSize: ctx.model.config.vocabSize,
      padTokenId: ctx.padTokenId,
      defaultEosTokenIds: ctx.defaultEosTokenIds,
      decode: ctx.decode ?? null,
      prefill: () => {
        const logits = step(input.inputIds);
        keyMask.forEach((row, b) => (seen[b] = row.reduce((a, m) => a + m, 0)));
        return logits;
      },
      next: (tokens) => {
        for (const row of keyMask) row.push(1);
        const logits = step(tokens.map((id) => [id]));
        for (let b = 0; b < seen.length; b++) seen[b]! += 1;
        return logits;
      },
    });
  } finally {
    disposeCache(cache);
  }
}
