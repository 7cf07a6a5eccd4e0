/** Terse names for the standard ONNX ops the training graph is written in (opset 17). */
import type { GraphBuilder } from '../../onnx/graph-builder.js';

export class Ops {
  constructor(readonly g: GraphBuilder) {}

  add = (a: string, b: string) => this.g.op1('Add', [a, b]);
  sub = (a: string, b: string) => this.g.op1('Sub', [a, b]);
  mul = (a: string, b: string) => this.g.op1('Mul', [a, b]);
  div = (a: string, b: string) => this.g.op1('Div', [a, b]);
  neg = (a: string) => this.g.op1('Neg', [a]);
  exp = (a: string) => this.g.op1('Exp', [a]);
  matmul = (a: string, b: string) => this.g.op1('MatMul', [a, b]);
  /** 2-D a^T @ b (the weight gradient of x @ W). */
  matmulTA = (a: string, b: string) => this.g.op1('Gemm', [a, b], { transA: 1 });
  /** 2-D a @ b^T (the input gradient of x @ W). */
  matmulTB = (a: string, b: string) => this.g.op1('Gemm', [a, b], { transB: 1 });
  transpose = (a: string, perm: number[]) => this.g.op1('Transpose', [a], { perm });
  reshape = (a: string, shape: string) => this.g.op1('Reshape', [a, shape]);
  reshapeTo = (a: string, dims: number[]) => this.g.op1('Reshape', [a, this.g.int64Constant(dims)]);
  unsqueeze = (a: string, axes: number[]) => this.g.op1('Unsqueeze', [a, this.g.int64Constant(axes)]);
  sum = (a: string, axes: number[], keepdims = 0) => this.g.op1('ReduceSum', [a, this.g.int64Constant(axes)], { keepdims });
  /** Sum of every element, as a scalar. */
  sumAll = (a: string) => this.g.op1('ReduceSum', [a], { keepdims: 0 });
  mean = (a: string, axis: number) => this.g.op1('ReduceMean', [a], { axes: [axis], keepdims: 1 });
  scalar = (v: number) => this.g.floatConstant([v], []);
  clip = (a: string, lo: number, hi: number) => this.g.op1('Clip', [a, this.scalar(lo), this.scalar(hi)]);
  /** 1.0 where lo ≤ a ≤ hi (the pass-through mask of a Clip's gradient), else 0. */
  inside = (a: string, lo: number, hi: number) =>
    this.float(this.g.op1('And', [this.g.op1('GreaterOrEqual', [a, this.scalar(lo)]), this.g.op1('LessOrEqual', [a, this.scalar(hi)])]));
  float = (a: string) => this.g.op1('Cast', [a], { to: 1 });
  where = (c: string, a: string, b: string) => this.g.op1('Where', [c, a, b]);
}
