/** One decoder layer: x + attn(norm(x)), then + mlp(norm(·)) with a SiLU-gated MLP. */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '@prompt-aug/core/model';
import { linear } from '../ops/fast-matmul.js';
import { selfAttention, type AttentionContext, type LayerCache } from './attention.js';
import type { ParameterLookup } from './parameters.js';
import { rmsNorm } from './rms-norm.js';

function mlp(params: ParameterLookup, layer: number, x: tf.Tensor): tf.Tensor {
  const p = `model.layers.${layer}.mlp`;
  const gate = linear(x, params.get(`${p}.gate_proj.weight`)!, params.get(`${p}.gate_proj.bias`));
  const up = linear(x, params.get(`${p}.up_proj.weight`)!, params.get(`${p}.up_proj.bias`));
  const activated = tf.mul(tf.mul(gate, tf.sigmoid(gate)), up);
  return linear(activated, params.get(`${p}.down_proj.weight`)!, params.get(`${p}.down_proj.bias`));
}

export function decoderLayer(
  config: ModelConfig,
  params: ParameterLookup,
  layer: number,
  x: tf.Tensor,
  ctx: AttentionContext,
  past?: LayerCache,
): { hidden: tf.Tensor; cache: LayerCache } {
  const p = `model.layers.${layer}`;
  const normed = rmsNorm(x, params.get(`${p}.input_layernorm.weight`)!, config.rmsNormEps);
  const attn = selfAttention(config, params, layer, normed, ctx, past);
  const h = tf.add(x, attn.output);
  const normed2 = rmsNorm(h, params.get(`${p}.post_attention_layernorm.weight`)!, config.rmsNormEps);
  return { hidden: tf.add(h, mlp(params, layer, normed2)), cache: attn.cache };
}

/** The parameter names a layer reads. */
export function layerParameterNames(params: ParameterLookup, layer: number): string[] {
  const prefix = `model.layers.${layer}.`;
  return [...params.keys()].filter((name) => name.startsWith(prefix));
}
