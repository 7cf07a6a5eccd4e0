/**
 * AdamW moments held as ORT tensors in graph layout (created as zeros on a parameter's first
 * update, as torch does), and the optimizer step that runs the norm and AdamW graphs.
 */
import type { OptimizerConfig } from '@prompt-aug/core';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { sessionOptions, type SessionSettings } from '../session/session-options.js';
import { float32Of } from '../session/tensors.js';
import { OPTIMIZER_IO as IO, buildAdamWGraph, buildSquaredNormGraph } from './graph/optimizer-graphs.js';
import type { GraphParameter } from './graph-parameters.js';

export interface AdamWState {
  step: number;
  expAvg: Map<string, Tensor>;
  expAvgSq: Map<string, Tensor>;
}

export function createAdamWState(): AdamWState {
  return { step: 0, expAvg: new Map(), expAvgSq: new Map() };
}

const scalar = (x: number) => new Tensor('float32', Float32Array.of(x), []);

export class OptimizerSessions {
  private constructor(
    private readonly norm: InferenceSession,
    private readonly adamw: InferenceSession,
    private readonly params: GraphParameter[],
  ) {}

  static async create(params: GraphParameter[], settings: SessionSettings): Promise<OptimizerSessions> {
    const options = sessionOptions(settings);
    return new OptimizerSessions(await InferenceSession.create(buildSquaredNormGraph(params), options), await InferenceSession.create(buildAdamWGraph(params), options), params);
  }

  /** Global 2-norm of the gradients (sum of squares in float32, the square root in float64). */
  async gradNorm(grads: ReadonlyMap<string, Tensor>): Promise<number> {
    const feeds = Object.fromEntries(this.params.map((p) => [IO.grad(p.name), grads.get(p.name)!]));
    const out = await this.norm.run(feeds);
    return Math.sqrt(float32Of(out[IO.sumSquares]!)[0]!);
  }

  /**
   * One AdamW step with the gradients scaled by `gradScale` (the clip coefficient, or 1);
   * replaces the tensors in `params` and the state's moments with the updated ones.
   */
  async step(state: AdamWState, params: Map<string, Tensor>, grads: ReadonlyMap<string, Tensor>, config: OptimizerConfig, gradScale: number): Promise<void> {
    state.step += 1;
    const [beta1, beta2] = config.betas;
    const values = [gradScale, 1 - config.lr * config.weightDecay, beta1, 1 - beta1, beta2, 1 - beta2, config.lr / (1 - Math.pow(beta1, state.step)), Math.sqrt(1 - Math.pow(beta2, state.step)), config.eps];
    const feeds: Record<string, Tensor> = Object.fromEntries(IO.scalars.map((name, i) => [name, scalar(values[i]!)]));
    for (const p of this.params) {
      const zeros = () => new Tensor('float32', new Float32Array(p.dims.reduce((a, b) => a * b, 1)), p.dims);
      if (!state.expAvg.has(p.name)) state.expAvg.set(p.name, zeros());
      if (!state.expAvgSq.has(p.name)) state.expAvgSq.set(p.name, zeros());
      feeds[IO.param(p.name)] = params.get(p.name)!;
      feeds[IO.grad(p.name)] = grads.get(p.name)!;
      feeds[IO.expAvg(p.name)] = state.expAvg.get(p.name)!;
      feeds[IO.expAvgSq(p.name)] = state.expAvgSq.get(p.name)!;
    }
    const out = await this.adamw.run(feeds);
    for (const p of this.params) {
      params.set(p.name, out[IO.newParam(p.name)]!);
      state.expAvg.set(p.name, out[IO.newExpAvg(p.name)]!);
      state.expAvgSq.set(p.name, out[IO.newExpAvgSq(p.name)]!);
    }
  }

  async dispose(): Promise<void> {
    await this.norm.release();
    await this.adamw.release();
  }
}
