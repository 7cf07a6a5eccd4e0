/** Linear projections and the SwiGLU MLP, shared by both decoder flavours. */
import type { DecoderConfig, WeightMap } from './decoder-config.js';
import type { GraphBuilder } from './graph-builder.js';
import { layerPrefix, linearWeight, requireWeight } from './weight-layout.js';

/** x @ W^T (+ b), with W stored pre-transposed as [in, out]. */
export function linear(
  g: GraphBuilder,
  weights: WeightMap,
  x: string,
  name: string,
  outFeatures: number,
  inFeatures: number,
  withBias = false,
): string {
  const w = g.weight(`${name}.weight`, [inFeatures, outFeatures], linearWeight(weights, `${name}.weight`, outFeatures, inFeatures));
  const y = g.op1('MatMul', [x, w]);
  if (!withBias) return y;
  const bias = requireWeight(weights, `${name}.bias`, [outFeatures]);
  return g.op1('Add', [y, g.weight(`${name}.bias`, [outFeatures], bias)]);
}

/** q, k, v projections of one layer, each [B, S, heads*headDim]. */
export function qkvProjections(g: GraphBuilder, config: DecoderConfig, weights: WeightMap, layer: number, x: string) {
  const p = `${layerPrefix(layer)}.self_attn`;
  const h = config.hiddenSize;
  const qOut = config.numAttentionHeads * config.headDim;
  const kvOut = config.numKeyValueHeads * config.headDim;
  return {
    q: linear(g, weights, x, `${p}.q_proj`, qOut, h, config.attentionBias),
    k: linear(g, weights, x, `${p}.k_proj`, kvOut, h, config.attentionBias),
    v: linear(g, weights, x, `${p}.v_proj`, kvOut, h, config.attentionBias),
  };
}

export function outputProjection(g: GraphBuilder, config: DecoderConfig, weights: WeightMap, layer: number, x: string): string {
  const inFeatures = config.numAttentionHeads * config.headDim;
  return linear(g, weights, x, `${layerPrefix(layer)}.self_attn.o_proj`, config.hiddenSize, inFeatures, config.attentionOutputBias ?? false);
}

/** down(silu(gate(x)) * up(x)). */
export function swigluMlp(g: GraphBuilder, config: DecoderConfig, weights: WeightMap, layer: number, x: string): string {
  const p = `${layerPrefix(layer)}.mlp`;
  const h = config.hiddenSize;
  const m = config.intermediateSize;
  const bias = config.mlpBias ?? false;
  const gate = linear(g, weights, x, `${p}.gate_proj`, m, h, bias);
  const up = linear(g, weights, x, `${p}.up_proj`, m, h, bias);
  const silu = g.op1('Mul', [gate, g.op1('Sigmoid', [gate])]);
  return linear(g, weights, g.op1('Mul', [silu, up]), `${p}.down_proj`, h, m, bias);
}

export function normWeight(weights: WeightMap, name: string, hidden: number): Float32Array {
  return requireWeight(weights, name, [hidden]);
}
