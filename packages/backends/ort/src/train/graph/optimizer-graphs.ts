/**
 * The optimizer as two weightless graphs:
 * - the squared global gradient norm Σ‖g‖² over every parameter (clip_grad_norm_'s total norm before the sqrt);
 * - AdamW on one flat chunk of a parameter (the trainer runs it chunk by chunk over each
 *   tensor), exactly as torch.optim.AdamW (single-tensor path) and backend-tfjs: with g scaled by
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

/** The name the AdamW graph gives its one flat [n] parameter chunk. */
export const CHUNK = 'chunk';

export function buildAdamWChunkGraph(): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  const io = OPTIMIZER_IO;
  for (const s of io.scalars) g.inputs.push(valueInfo(s, FLOAT, []));
  const [gradScale, decay, beta1, oneMinusBeta1, beta2, oneMinusBeta2, stepSize, bc2Sqrt, eps] = io.scalars;
  for (const name of [io.param(CHUNK), io.grad(CHUNK), io.expAvg(CHUNK), io.expAvgSq(CHUNK)]) g.inputs.push(valueInfo(name, FLOAT, ['n']));
  for (const name of [io.newParam(CHUNK), io.newExpAvg(CHUNK), io.newExpAvgSq(CHUNK)]) g.outputs.push(valueInfo(name, FLOAT, ['n']));
  const grad = o.mul(io.grad(CHUNK), gradScale);
  const decayed = o.mul(io.param(CHUNK), decay);
  const m = g.op('Add', [o.mul(io.expAvg(CHUNK), beta1), o.mul(grad, oneMinusBeta1)], {}, [io.newExpAvg(CHUNK)])[0]!;
  const v = g.op('Add', [o.mul(io.expAvgSq(CHUNK), beta2), o.mul(o.mul(grad, grad), oneMinusBeta2)], {}, [io.newExpAvgSq(CHUNK)])[0]!;
  const denom = o.add(o.div(g.op1('Sqrt', [v]), bc2Sqrt), eps);
  g.op('Sub', [decayed, o.mul(o.div(m, denom), stepSize)], {}, [io.newParam(CHUNK)]);
  return encodeModel(g.model('prompt-aug backend-ort adamw chunk'));
}
