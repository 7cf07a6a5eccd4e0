/**
 * Forward pieces that keep what their backward pass needs, and those backward passes:
 * RMSNorm, Linear and rotary embedding. Tensors are 2-D [tokens, features] unless noted.
 */
import type { Ops } from './ops.js';

/** Receives each parameter's gradient (contributions to one name are summed). */
export type GradientSink = (param: string, grad: string) => void;

/**
 * Receives a contribution that is scattered into a parameter's gradient rather than added as
 * a whole tensor: `into` gets the sum of the other contributions (null when there are none)
 * and returns it with the scatter applied.
 */
export type ScatterSink = (param: string, into: (base: string | null) => string) => void;

export interface RmsNormSaved {
  x: string;
  /** x · rsqrt(mean(x²) + eps) */
  normed: string;
  /** rsqrt(mean(x²) + eps), [tokens, 1] */
  inv: string;
  weight: string;
}

export function rmsNorm(o: Ops, x: string, weight: string, eps: number): { y: string; saved: RmsNormSaved } {
  const inv = o.g.op1('Reciprocal', [o.g.op1('Sqrt', [o.add(o.mean(o.mul(x, x), -1), o.scalar(eps))])]);
  const normed = o.mul(x, inv);
  return { y: o.mul(normed, weight), saved: { x, normed, inv, weight } };
}

/** dx = inv · (dn − n · mean(dn · n)), dn = dy · w; dw = Σ_tokens dy · n. */
export function rmsNormBackward(o: Ops, s: RmsNormSaved, dy: string, sink: GradientSink): string {
  sink(s.weight, o.sum(o.mul(dy, s.normed), [0]));
  const dn = o.mul(dy, s.weight);
  return o.mul(s.inv, o.sub(dn, o.mul(s.normed, o.mean(o.mul(dn, s.normed), -1))));
}

export interface LinearRef {
  weight: string;
  bias?: string;
}

export function linear(o: Ops, x: string, l: LinearRef): string {
  const y = o.matmul(x, l.weight);
  return l.bias ? o.add(y, l.bias) : y;
}

/** Sends dW = xᵀ·dy (and db) to the sink; returns dx = dy·Wᵀ. */
export function linearBackward(o: Ops, x: string, l: LinearRef, dy: string, sink: GradientSink): string {
  sink(l.weight, o.matmulTA(x, dy));
  if (l.bias) sink(l.bias, o.sum(dy, [0]));
  return o.matmulTB(dy, l.weight);
}

/** [.., d] → the two halves. */
function halves(o: Ops, x: string, headDim: number): [string, string] {
  const half = headDim / 2;
  return o.g.op('Split', [x, o.g.int64Constant([half, half])], { axis: -1 }, 2) as [string, string];
}

/** x·cos + rotate_half(x)·sin, rotate_half(x) = [−x₂, x₁]; x is [B, heads, T, d]. */
export function rotary(o: Ops, x: string, headDim: number, rope: { cos: string; sin: string }): string {
  const [x1, x2] = halves(o, x, headDim);
  const rotated = o.g.op1('Concat', [o.neg(x2), x1], { axis: -1 });
  return o.add(o.mul(x, rope.cos), o.mul(rotated, rope.sin));
}

/** The transpose of that linear map: dx = dy·cos + rotate_halfᵀ(dy·sin), rotate_halfᵀ(u) = [u₂, −u₁]. */
export function rotaryBackward(o: Ops, dy: string, headDim: number, rope: { cos: string; sin: string }): string {
  const [u1, u2] = halves(o, o.mul(dy, rope.sin), headDim);
  return o.add(o.mul(dy, rope.cos), o.g.op1('Concat', [u2, o.neg(u1)], { axis: -1 }));
}
