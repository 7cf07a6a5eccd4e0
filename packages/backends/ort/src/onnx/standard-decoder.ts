/** The decoder body in standard ONNX ops: RMSNorm, GQA with KV cache, RoPE, SwiGLU. */
import { IO, type DecoderConfig, type WeightMap } from './decoder-config.js';
import { declareInputs, declareOutputs, embedTokens, outputHead, rmsNormStandard } from './decoder-io.js';
import type { GraphBuilder } from './graph-builder.js';
import { normWeight, outputProjection, qkvProjections, swigluMlp } from './projections.js';
import { applyRotary, attentionBias, groupedAttention, rotaryTables } from './standard-attention.js';
import { layerPrefix } from './weight-layout.js';

export function buildStandardDecoder(g: GraphBuilder, config: DecoderConfig, weights: WeightMap): void {
  declareInputs(g, config);
  declareOutputs(g, config);
  const bias = attentionBias(g);
  const rope = rotaryTables(g, config);
  let hidden = embedTokens(g, config, weights);
  for (let layer = 0; layer < config.numHiddenLayers; layer++) {
    hidden = standardLayer(g, config, weights, layer, hidden, bias, rope);
  }
  const normed = rmsNormStandard(g, hidden, 'model.norm.weight', normWeight(weights, 'model.norm.weight', config.hiddenSize), config.rmsNormEps);
  outputHead(g, config, weights, normed);
}

function standardLayer(
  g: GraphBuilder,
  config: DecoderConfig,
  weights: WeightMap,
  layer: number,
  hidden: string,
  bias: string,
  rope: { cos: string; sin: string },
): string {
  const p = layerPrefix(layer);
  const eps = config.rmsNormEps;
  const x = rmsNormStandard(g, hidden, `${p}.input_layernorm.weight`, normWeight(weights, `${p}.input_layernorm.weight`, config.hiddenSize), eps);
  const { q, k, v } = qkvProjections(g, config, weights, layer, x);
  const heads = (t: string, n: number) =>
    g.op1('Transpose', [g.op1('Reshape', [t, g.tokenShape([n, config.headDim])])], { perm: [0, 2, 1, 3] });
  const qRot = applyRotary(g, heads(q, config.numAttentionHeads), config.headDim, rope);
  const kRot = applyRotary(g, heads(k, config.numKeyValueHeads), config.headDim, rope);
  // The cache holds rotated keys, so cached positions never need re-rotation.
  const keys = g.op('Concat', [IO.pastKey(layer), kRot], { axis: 2 }, [IO.presentKey(layer)])[0]!;
  const values = g.op('Concat', [IO.pastValue(layer), heads(v, config.numKeyValueHeads)], { axis: 2 }, [IO.presentValue(layer)])[0]!;
  const attended = groupedAttention(g, config, qRot, keys, values, bias);
  const afterAttention = g.op1('Add', [hidden, outputProjection(g, config, weights, layer, attended)]);
  const y = rmsNormStandard(g, afterAttention, `${p}.post_attention_layernorm.weight`, normWeight(weights, `${p}.post_attention_layernorm.weight`, config.hiddenSize), eps);
  return g.op1('Add', [afterAttention, swigluMlp(g, config, weights, layer, y)]);
}
