/**
 * Masks, rotary tables and grouped-query attention in standard ONNX ops (opset 17), so the
 * graph runs on any ONNX runtime. Left padding is handled by the attention mask and the
 * explicit position ids, as in Hugging Face transformers.
 */
import { IO, type DecoderConfig } from './decoder-config.js';
import { BOOL } from './external-data.js';
import type { GraphBuilder } from './graph-builder.js';

/** Additive mask [B, 1, 1, S, T]: 0 where query s may see key t, a large negative otherwise. */
export function attentionBias(g: GraphBuilder): string {
  const total = g.op1('Squeeze', [g.op1('Shape', [IO.attentionMask], { start: 1, end: 2 }), g.int64Constant([0])]);
  const query = g.op1('Squeeze', [g.op1('Shape', [IO.inputIds], { start: 1, end: 2 }), g.int64Constant([0])]);
  const past = g.op1('Sub', [total, query]);
  const one = g.int64Constant([1], []);
  const keyIndex = g.op1('Unsqueeze', [g.op1('Range', [g.int64Constant([0], []), total, one]), g.int64Constant([0])]);
  const queryIndex = g.op1('Unsqueeze', [g.op1('Range', [past, total, one]), g.int64Constant([1])]);
  const causal = g.op1('LessOrEqual', [keyIndex, queryIndex]); // [S, T]
  const keyIsReal = g.op1('Unsqueeze', [g.op1('Cast', [IO.attentionMask], { to: BOOL }), g.int64Constant([1, 2, 3])]);
  const allowed = g.op1('And', [causal, keyIsReal]); // [B, 1, 1, S, T]
  // -1e9 rather than -inf: a fully masked row (a left-pad query) stays finite (uniform).
  return g.op1('Where', [allowed, g.floatConstant([0], []), g.floatConstant([-1e9], [])]);
}

/** cos and sin of the rotary angles for each position, [B, 1, S, headDim]. */
export function rotaryTables(g: GraphBuilder, config: DecoderConfig): { cos: string; sin: string } {
  const half = config.headDim / 2;
  const invFreq = new Float32Array(half);
  for (let i = 0; i < half; i++) invFreq[i] = 1 / Math.pow(config.ropeTheta, (2 * i) / config.headDim);
  const positions = g.op1('Unsqueeze', [g.op1('Cast', [IO.positionIds], { to: 1 }), g.int64Constant([-1])]);
  const freqs = g.op1('Mul', [positions, g.floatConstant(invFreq, [half])]);
  const angles = g.op1('Unsqueeze', [g.op1('Concat', [freqs, freqs], { axis: -1 }), g.int64Constant([1])]);
  return { cos: g.op1('Cos', [angles]), sin: g.op1('Sin', [angles]) };
}

/** x*cos + rotate_half(x)*sin on [B, heads, S, headDim] (the non-interleaved HF form). */
export function applyRotary(g: GraphBuilder, x: string, headDim: number, rope: { cos: string; sin: string }): string {
  const half = headDim / 2;
  const [first, second] = g.op('Split', [x, g.int64Constant([half, half])], { axis: -1 }, 2) as [string, string];
  const rotated = g.op1('Concat', [g.op1('Neg', [second]), first], { axis: -1 });
  return g.op1('Add', [g.op1('Mul', [x, rope.cos]), g.op1('Mul', [rotated, rope.sin])]);
}

/**
 * Scaled dot-product attention with grouped KV heads. Queries are viewed as
 * [B, kvHeads, group, S, D] against keys [B, kvHeads, 1, T, D], so MatMul broadcasting shares
 * each KV head with its query group without materialising repeated keys.
 */
export function groupedAttention(
  g: GraphBuilder,
  config: DecoderConfig,
  q: string,
  k: string,
  v: string,
  bias: string,
): string {
  const group = config.numAttentionHeads / config.numKeyValueHeads;
  const q5 = g.op1('Reshape', [q, g.int64Constant([0, config.numKeyValueHeads, group, -1, config.headDim])]);
  const scaled = g.op1('Mul', [q5, g.floatConstant([1 / Math.sqrt(config.headDim)], [])]);
  const keysT = g.op1('Unsqueeze', [g.op1('Transpose', [k], { perm: [0, 1, 3, 2] }), g.int64Constant([2])]);
  const scores = g.op1('Add', [g.op1('MatMul', [scaled, keysT]), bias]);
  const probs = g.op1('Softmax', [scores], { axis: -1 });
  const context = g.op1('MatMul', [probs, g.op1('Unsqueeze', [v, g.int64Constant([2])])]);
  const heads = g.op1('Reshape', [context, g.int64Constant([0, config.numAttentionHeads, -1, config.headDim])]);
  const tokens = g.op1('Transpose', [heads], { perm: [0, 2, 1, 3] });
  return g.op1('Reshape', [tokens, g.int64Constant([-1, config.numAttentionHeads * config.headDim])]); // [B*S, H*D]
}
