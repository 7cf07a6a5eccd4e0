/**
 * Causal self-attention with grouped-query heads, RoPE and an optional KV cache.
 * GQA without materialising repeat_kv: the g = heads/kvHeads query heads that share a KV head
 * are stacked along the time axis ([B, kv, g·T, d]) so one matmul serves the whole group.
 * This equals HF's repeat_kv (kv head j serves query heads j·g … j·g+g−1).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '@prompt-aug/core/model';
import { linear, matMulFast } from '../ops/fast-matmul.js';
import { applyRotary, type RotaryTables } from './rope.js';
import type { ParameterLookup } from './parameters.js';

export interface LayerCache {
  /** [B, kvHeads, S, headDim] */
  keys: tf.Tensor;
  values: tf.Tensor;
}

export interface AttentionContext {
  rotary: RotaryTables;
  /** Additive mask [B, 1, T, S]. */
  bias: tf.Tensor;
}

function projectHeads(x: tf.Tensor, params: ParameterLookup, name: string, heads: number, headDim: number) {
  const [batch, steps] = x.shape as [number, number, number];
  const y = linear(x, params.get(`${name}.weight`)!, params.get(`${name}.bias`));
  return tf.transpose(tf.reshape(y, [batch, steps, heads, headDim]), [0, 2, 1, 3]);
}

export function selfAttention(
  config: ModelConfig,
  params: ParameterLookup,
  layer: number,
  x: tf.Tensor,
  ctx: AttentionContext,
  past?: LayerCache,
): { output: tf.Tensor; cache: LayerCache } {
  const [batch, steps] = x.shape as [number, number, number];
  const { numAttentionHeads: heads, numKeyValueHeads: kvHeads, headDim } = config;
  const group = heads / kvHeads;
  const prefix = `model.layers.${layer}.self_attn`;
  const q = applyRotary(projectHeads(x, params, `${prefix}.q_proj`, heads, headDim), ctx.rotary);
  let k = applyRotary(projectHeads(x, params, `${prefix}.k_proj`, kvHeads, headDim), ctx.rotary);
  let v = projectHeads(x, params, `${prefix}.v_proj`, kvHeads, headDim);
  if (past) {
    k = tf.concat([past.keys, k], 2);
    v = tf.concat([past.values, v], 2);
  }
  const keysLen = k.shape[2]!;
  const grouped = tf.reshape(tf.mul(q, 1 / Math.sqrt(headDim)), [batch, kvHeads, group * steps, headDim]);
  const scores = matMulFast(grouped, tf.transpose(k, [0, 1, 3, 2]));
  const masked = tf.add(tf.reshape(scores, [batch, heads, steps, keysLen]), ctx.bias);
  const probs = tf.reshape(tf.softmax(masked), [batch, kvHeads, group * steps, keysLen]);
  const context = tf.reshape(matMulFast(probs, v), [batch, heads, steps, headDim]);
  const merged = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [batch, steps, heads * headDim]);
  return { output: linear(merged, params.get(`${prefix}.o_proj.weight`)!, params.get(`${prefix}.o_proj.bias`)), cache: { keys: k, values: v } };
}
