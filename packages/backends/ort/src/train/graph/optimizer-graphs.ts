/**
 * The optimizer as two weightless graphs over every parameter at once:
 * - the squared global gradient norm Σ‖g‖² (clip_grad_norm_'s total norm before the sqrt);
 * - AdamW exactly as torch.optim.AdamW (single-tensor path) and backend-tfjs: with g scaled by
 *   the clip coefficient, p ← p·(1 − lr·wd); m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 *   p ← p − stepSize · m / (√v / bc2Sqrt + eps), stepSize = lr/(1−β1ᵗ), bc2Sqrt = √(1−β2ᵗ).
 * Step-dependent numbers are scalar inputs, so one session serves every step.
 */
import { FLOAT } from '../../onnx/external-data.js';
import { GraphBuilder } from '../../onnx/graph-builder.js';
import { encodeModel, valueInfo } from '../../onnx/proto.js';
import type { GraphParameter } from '../graph-parameters.js';
import { Ops } from './ops.js';

export const OPTIMIZER_IO = {
  grad: (p: string) => `grad.${p}`,
  param: (p: string) => p,
  expAvg: (p: string) => `exp_avg.${p}`,
  expAvgSq: (p: string) => `exp_avg_sq.${p}`,
  newParam: (p: string) => `new.${p}`,
  newExpAvg: (p: string) => `new.exp_avg.${p}`,
  newExpAvgSq: (p: string) => `new.exp_avg_sq.${p}`,
  sumSquares: 'sum_squares',
  /** The scalar inputs of the AdamW graph, in this order. */
  scalars: ['grad_scale', 'decay', 'beta1', 'one_minus_beta1', 'beta2', 'one_minus_beta2', 'step_size', 'bc2_sqrt', 'eps'] as const,
} as const;

export function buildSquaredNormGraph(params: GraphParameter[]): Uint8Array {
  const g = new GraphBuilder(null);
  const parts = params.map((p) => {
    g.inputs.push(valueInfo(OPTIMIZER_IO.grad(p.name), FLOAT, p.dims));
    return g.op1('ReduceSumSquare', [OPTIMIZER_IO.grad(p.name)], { keepdims: 0 });
  });
  g.outputs.push(valueInfo(OPTIMIZER_IO.sumSquares, FLOAT, []));
  g.op(parts.length === 1 ? 'Identity' : 'Sum', parts, {}, [OPTIMIZER_IO.sumSquares]);
  return encodeModel(g.model('prompt-aug backend-ort gradient norm'));
}

export function buildAdamWGraph(params: GraphParameter[]): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  for (const s of OPTIMIZER_IO.scalars) g.inputs.push(valueInfo(s, FLOAT, []));
  const [gradScale, decay, beta1, oneMinusBeta1, beta2, oneMinusBeta2, stepSize, bc2Sqrt, eps] = OPTIMIZER_IO.scalars;
  for (const p of params) {
    for (const name of [OPTIMIZER_IO.param(p.name), OPTIMIZER_IO.grad(p.name), OPTIMIZER_IO.expAvg(p.name), OPTIMIZER_IO.expAvgSq(p.name)]) {
      g.inputs.push(valueInfo(name, FLOAT, p.dims));
    }
    for (const name of [OPTIMIZER_IO.newParam(p.name), OPTIMIZER_IO.newExpAvg(p.name), OPTIMIZER_IO.newExpAvgSq(p.name)]) {
      g.outputs.push(valueInfo(name, FLOAT, p.dims));
    }
    const grad = o.mul(OPTIMIZER_IO.grad(p.name), gradScale);
    const decayed = o.mul(OPTIMIZER_IO.param(p.name), decay);
    const m = g.op('Add', [o.mul(OPTIMIZER_IO.expAvg(p.name), beta1), o.mul(grad, oneMinusBeta1)], {}, [OPTIMIZER_IO.newExpAvg(p.name)])[0]!;
    const v = g.op('Add', [o.mul(OPTIMIZER_IO.expAvgSq(p.name), beta2), o.mul(o.mul(grad, grad), oneMinusBeta2)], {}, [OPTIMIZER_IO.newExpAvgSq(p.name)])[0]!;
    const denom = o.add(o.div(g.op1('Sqrt', [v]), bc2Sqrt), eps);
    g.op('Sub', [decayed, o.mul(o.div(m, denom), stepSize)], {}, [OPTIMIZER_IO.newParam(p.name)]);
  }
  return encodeModel(g.model('prompt-aug backend-ort adamw'));
}
