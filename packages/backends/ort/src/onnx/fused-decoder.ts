/**
 * The decoder body in ONNX Runtime's fused contrib ops: SimplifiedLayerNormalization,
 * SkipSimplifiedLayerNormalization, RotaryEmbedding and GroupQueryAttention.
 *
 * GroupQueryAttention reads the mask only through its row sums (`seqlens_k`), the way ORT
 * GenAI models do: each row's real tokens must sit contiguously at the start of the row
 * (right padding), and the KV cache is right-padded too. The Policy converts left-padded
 * batches for this flavour (see policy/padding-layout.ts).
 */
import { IO, type DecoderConfig, type WeightMap } from './decoder-config.js';
import { declareInputs, declareOutputs, embedTokens, outputHead } from './decoder-io.js';
import { INT32 } from './external-data.js';
import type { GraphBuilder } from './graph-builder.js';
import { MS_DOMAIN } from './proto.js';
import { normWeight, outputProjection, qkvProjections, swigluMlp } from './projections.js';
import { layerPrefix } from './weight-layout.js';

export function buildFusedDecoder(g: GraphBuilder, config: DecoderConfig, weights: WeightMap): void {
  declareInputs(g, config);
  declareOutputs(g, config);
  const lengths = sequenceLengths(g);
  const caches = rotaryCaches(g, config);
  let hidden = embedTokens(g, config, weights);
  for (let layer = 0; layer < config.numHiddenLayers; layer++) {
    hidden = fusedLayer(g, config, weights, layer, hidden, lengths, caches);
  }
  outputHead(g, config, weights, simplifiedNorm(g, config, weights, hidden, 'model.norm.weight'));
}

/** seqlens_k = (real tokens per row) - 1 and total_sequence_length, both int32 as GQA wants. */
function sequenceLengths(g: GraphBuilder): { seqlensK: string; total: string } {
  const perRow = g.op1('ReduceSum', [IO.attentionMask, g.int64Constant([1])], { keepdims: 0 });
  const seqlensK = g.op1('Cast', [g.op1('Sub', [perRow, g.int64Constant([1], [])])], { to: INT32 });
  const totalLen = g.op1('Squeeze', [g.op1('Shape', [IO.attentionMask], { start: 1, end: 2 }), g.int64Constant([0])]);
  return { seqlensK, total: g.op1('Cast', [totalLen], { to: INT32 }) };
}

/** cos/sin tables [maxPositions, headDim/2] that RotaryEmbedding indexes by position id. */
function rotaryCaches(g: GraphBuilder, config: DecoderConfig): { cos: string; sin: string } {
  const half = config.headDim / 2;
  const rows = config.maxPositionEmbeddings;
  const cos = new Float32Array(rows * half);
  const sin = new Float32Array(rows * half);
  for (let i = 0; i < half; i++) {
    const invFreq = 1 / Math.pow(config.ropeTheta, (2 * i) / config.headDim);
    // Same float32 rounding as the standard path (position * float32 inv_freq).
    const f = Math.fround(invFreq);
    for (let p = 0; p < rows; p++) {
      const angle = Math.fround(p * f);
      cos[p * half + i] = Math.cos(angle);
      sin[p * half + i] = Math.sin(angle);
    }
  }
  // Always float32: these are not checkpoint weights, and half precision would perturb every angle.
  return { cos: g.weight('rotary.cos_cache', [rows, half], cos, 'float32'), sin: g.weight('rotary.sin_cache', [rows, half], sin, 'float32') };
}

function simplifiedNorm(g: GraphBuilder, config: DecoderConfig, weights: WeightMap, x: string, name: string): string {
  const w = g.weight(name, [config.hiddenSize], normWeight(weights, name, config.hiddenSize));
  return g.op1('SimplifiedLayerNormalization', [x, w], { axis: -1, epsilon: { float: config.rmsNormEps }, stash_type: 1 });
}

function fusedLayer(
  g: GraphBuilder,
  config: DecoderConfig,
  weights: WeightMap,
  layer: number,
  hidden: string,
  lengths: { seqlensK: string; total: string },
  caches: { cos: string; sin: string },
): string {
  const p = layerPrefix(layer);
  const x = simplifiedNorm(g, config, weights, hidden, `${p}.input_layernorm.weight`);
  const { q, k, v } = qkvProjections(g, config, weights, layer, x);
  // RotaryEmbedding and GQA take [B, S, heads*headDim]; the residual stream is [B*S, hidden].
  const perToken = (t: string, heads: number) => g.op1('Reshape', [t, g.tokenShape([heads * config.headDim])]);
  const rotate = (t: string, heads: number) =>
    g.op1('RotaryEmbedding', [perToken(t, heads), IO.positionIds, caches.cos, caches.sin], { interleaved: 0, num_heads: heads }, MS_DOMAIN);
  const [attended3d] = g.op(
    'GroupQueryAttention',
    [rotate(q, config.numAttentionHeads), rotate(k, config.numKeyValueHeads), perToken(v, config.numKeyValueHeads), IO.pastKey(layer), IO.pastValue(layer), lengths.seqlensK, lengths.total],
    { num_heads: config.numAttentionHeads, kv_num_heads: config.numKeyValueHeads, scale: { float: 1 / Math.sqrt(config.headDim) } },
    [`attn_${layer}`, IO.presentKey(layer), IO.presentValue(layer)],
    MS_DOMAIN,
  );
  const attended = g.op1('Reshape', [attended3d!, g.int64Constant([-1, config.numAttentionHeads * config.headDim])]);
  const projected = outputProjection(g, config, weights, layer, attended);
  const postName = `${p}.post_attention_layernorm.weight`;
  const post = g.weight(postName, [config.hiddenSize], normWeight(weights, postName, config.hiddenSize));
  // One kernel for residual add + RMSNorm; output 3 is the residual sum itself.
  const [y, , , residual] = g.op(
    'SkipSimplifiedLayerNormalization',
    [projected, hidden, post],
    { epsilon: { float: config.rmsNormEps } },
    [`post_norm_${layer}`, '', '', `residual_${layer}`],
    MS_DOMAIN,
  );
  return g.op1('Add', [residual!, swigluMlp(g, config, weights, layer, y!)]);
}
