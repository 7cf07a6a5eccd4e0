/**
 * Grouped-query causal self-attention with its backward pass. Query heads are viewed as
 * [B, kvHeads, group, T, d] against keys [B, kvHeads, 1, T, d] (MatMul broadcasts the shared
 * KV head, as the forward graph does); the key/value gradients sum over the group axis.
 */
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { layerPrefix } from '../../onnx/weight-layout.js';
import { linear, linearBackward, rotary, rotaryBackward, type GradientSink, type LinearRef } from './blocks.js';
import type { Ops } from './ops.js';

export interface AttentionContext {
  /** Additive mask [B, 1, 1, T, T]. */
  bias: string;
  rope: { cos: string; sin: string };
}

export interface AttentionSaved {
  x: string;
  /** Scaled rotated queries [B, kv, g, T, d], keys [B, kv, 1, T, d], values [B, kv, 1, T, d]. */
  q: string;
  k: string;
  v: string;
  probs: string;
  merged: string;
}

export function attentionLinears(config: DecoderConfig, layer: number): Record<'q' | 'k' | 'v' | 'o', LinearRef> {
  const p = `${layerPrefix(layer)}.self_attn`;
  const ref = (n: string, bias: boolean): LinearRef => ({ weight: `${p}.${n}_proj.weight`, bias: bias ? `${p}.${n}_proj.bias` : undefined });
  return { q: ref('q', config.attentionBias), k: ref('k', config.attentionBias), v: ref('v', config.attentionBias), o: ref('o', config.attentionOutputBias ?? false) };
}

const SWAP_LAST = [0, 1, 2, 4, 3];

export function attention(o: Ops, config: DecoderConfig, layer: number, x: string, ctx: AttentionContext): { y: string; saved: AttentionSaved } {
  const { numAttentionHeads: nh, numKeyValueHeads: kv, headDim: d } = config;
  const group = nh / kv;
  const lin = attentionLinears(config, layer);
  const heads = (t: string, n: number) => o.transpose(o.reshape(t, o.g.tokenShape([n, d])), [0, 2, 1, 3]);
  const qRot = rotary(o, heads(linear(o, x, lin.q), nh), d, ctx.rope);
  const kRot = rotary(o, heads(linear(o, x, lin.k), kv), d, ctx.rope);
  const q = o.mul(o.reshapeTo(qRot, [0, kv, group, -1, d]), o.scalar(1 / Math.sqrt(d)));
  const k = o.unsqueeze(kRot, [2]);
  const v = o.unsqueeze(heads(linear(o, x, lin.v), kv), [2]);
  const scores = o.add(o.matmul(q, o.transpose(k, SWAP_LAST)), ctx.bias);
  const probs = o.g.op1('Softmax', [scores], { axis: -1 });
  const context = o.reshapeTo(o.matmul(probs, v), [0, nh, -1, d]);
  const merged = o.reshapeTo(o.transpose(context, [0, 2, 1, 3]), [-1, nh * d]);
  return { y: linear(o, merged, lin.o), saved: { x, q, k, v, probs, merged } };
}

export function attentionBackward(o: Ops, config: DecoderConfig, layer: number, s: AttentionSaved, dy: string, ctx: AttentionContext, sink: GradientSink): string {
  const { numAttentionHeads: nh, numKeyValueHeads: kv, headDim: d } = config;
  const group = nh / kv;
  const lin = attentionLinears(config, layer);
  const dMerged = linearBackward(o, s.merged, lin.o, dy, sink);
  const dContext = o.reshapeTo(o.transpose(o.reshape(dMerged, o.g.tokenShape([nh, d])), [0, 2, 1, 3]), [0, kv, group, -1, d]);
  const dProbs = o.matmul(dContext, o.transpose(s.v, SWAP_LAST));
  const dV = o.sum(o.matmul(o.transpose(s.probs, SWAP_LAST), dContext), [2]); // [B, kv, T, d]
  // Softmax: dS = P ⊙ (dP − Σ_j dP·P).
  const dScores = o.mul(s.probs, o.sub(dProbs, o.sum(o.mul(dProbs, s.probs), [-1], 1)));
  const dQ = o.reshapeTo(o.mul(o.matmul(dScores, s.k), o.scalar(1 / Math.sqrt(d))), [0, nh, -1, d]);
  const dK = o.sum(o.matmul(o.transpose(dScores, SWAP_LAST), s.q), [2]);
  const tokens = (t: string, n: number) => o.reshapeTo(o.transpose(t, [0, 2, 1, 3]), [-1, n * d]);
  const dq = tokens(rotaryBackward(o, dQ, d, ctx.rope), nh);
  const dk = tokens(rotaryBackward(o, dK, d, ctx.rope), kv);
  const dv = tokens(dV, kv);
  const dx = o.add(linearBackward(o, s.x, lin.q, dq, sink), linearBackward(o, s.x, lin.k, dk, sink));
  return o.add(dx, linearBackward(o, s.x, lin.v, dv, sink));
}
