/**
 * The Qwen2/Llama decoder: embedding → N × (RMSNorm → attention → residual → RMSNorm →
 * SiLU-gated MLP → residual) → final RMSNorm. `lmHeadLogits` turns hidden states into logits.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '@prompt-aug/core/model';
import { linear } from '../ops/fast-matmul.js';
import type { AttentionContext, LayerCache } from './attention.js';
import { checkpointedLayer } from './checkpointed-layer.js';
import { decoderLayer } from './decoder-layer.js';
import type { ModelParameters } from './parameters.js';
import { rmsNorm } from './rms-norm.js';

/**
 * ids [B, T] int32 → final-normed hidden states [B, T, H] and the per-layer KV cache (empty
 * when layers are checkpointed: that mode is for training, which needs no cache).
 */
export function decoderHidden(
  config: ModelConfig,
  params: ModelParameters,
  ids: tf.Tensor,
  ctx: AttentionContext,
  past?: LayerCache[],
  options: { checkpointLayers?: boolean } = {},
): { hidden: tf.Tensor; cache: LayerCache[] } {
  let h: tf.Tensor = tf.gather(params.get('model.embed_tokens.weight')!, ids);
  const cache: LayerCache[] = [];
  for (let i = 0; i < config.numHiddenLayers; i++) {
    if (options.checkpointLayers && !past) {
      h = checkpointedLayer(config, params, i, h, ctx);
      continue;
    }
    const out = decoderLayer(config, params, i, h, ctx, past?.[i]);
    cache.push(out.cache);
    h = out.hidden;
  }
  return { hidden: rmsNorm(h, params.get('model.norm.weight')!, config.rmsNormEps), cache };
}

/**
 * The output projection as [H, V]. Tied models reuse the embedding, transposed; inference
 * callers may pass a precomputed transpose to skip that copy on every decode step.
 */
export function outputProjection(config: ModelConfig, params: ModelParameters): tf.Tensor {
  return config.tieWordEmbeddings
    ? tf.transpose(params.get('model.embed_tokens.weight')!)
    : params.get('lm_head.weight')!;
}

/** hidden [..., H] → logits [..., V]. */
export function lmHeadLogits(hidden: tf.Tensor, projection: tf.Tensor): tf.Tensor {
  return linear(hidden, projection);
}
