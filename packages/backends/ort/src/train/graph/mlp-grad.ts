/** The SwiGLU MLP down(silu(gate(x)) ⊙ up(x)) and its backward pass. */
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { layerPrefix } from '../../onnx/weight-layout.js';
import { linear, linearBackward, type GradientSink, type LinearRef } from './blocks.js';
import type { Ops } from './ops.js';

export interface MlpSaved {
  x: string;
  gate: string;
  up: string;
  sigmoid: string;
  silu: string;
  product: string;
}

function mlpLinears(config: DecoderConfig, layer: number): Record<'gate' | 'up' | 'down', LinearRef> {
  const p = `${layerPrefix(layer)}.mlp`;
  const bias = config.mlpBias ?? false;
  const ref = (n: string): LinearRef => ({ weight: `${p}.${n}_proj.weight`, bias: bias ? `${p}.${n}_proj.bias` : undefined });
  return { gate: ref('gate'), up: ref('up'), down: ref('down') };
}

export function mlp(o: Ops, config: DecoderConfig, layer: number, x: string): { y: string; saved: MlpSaved } {
  const lin = mlpLinears(config, layer);
  const gate = linear(o, x, lin.gate);
  const up = linear(o, x, lin.up);
  const sigmoid = o.g.op1('Sigmoid', [gate]);
  const silu = o.mul(gate, sigmoid);
  const product = o.mul(silu, up);
  return { y: linear(o, product, lin.down), saved: { x, gate, up, sigmoid, silu, product } };
}

/** silu'(z) = σ(z)·(1 + z·(1 − σ(z))). */
export function mlpBackward(o: Ops, config: DecoderConfig, layer: number, s: MlpSaved, dy: string, sink: GradientSink): string {
  const lin = mlpLinears(config, layer);
  const dProduct = linearBackward(o, s.product, lin.down, dy, sink);
  const dUp = o.mul(dProduct, s.silu);
  const siluGrad = o.mul(s.sigmoid, o.add(o.scalar(1), o.mul(s.gate, o.sub(o.scalar(1), s.sigmoid))));
  const dGate = o.mul(o.mul(dProduct, s.up), siluGrad);
  return o.add(linearBackward(o, s.x, lin.gate, dGate, sink), linearBackward(o, s.x, lin.up, dUp, sink));
}
