/**
 * AdamW moments held as ORT tensors in graph layout (created as zeros on a parameter's first
 * update, as torch does), and the optimizer step that runs the norm and AdamW graphs. AdamW
 * runs one decoder layer at a time (one graph written for layer 0 serves them all) and then
 * the remaining parameters, so the new weights and moments in flight are one layer's, not the
 * whole model's (for a 0.5B model: ~0.2 GB instead of 6 GB on top of the state).
 */
import type { OptimizerConfig } from '@prompt-aug/plugin-api';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { SessionSettings } from '../session/session-options.js';
import { trainingSessionOptions } from './training-session-options.js';
import { float32Of } from '../session/tensors.js';
import { OPTIMIZER_IO as IO, buildAdamWGraph, buildSquaredNormGraph } from './graph/optimizer-graphs.js';
import type { GraphParameter } from './graph-parameters.js';

const LAYER0 = 'model.layers.0.';

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
    /** Each group's AdamW session and the graph-name → live-name maps it is run with. */
    private readonly groups: { session: InferenceSession; params: GraphParameter[]; runs: ((name: string) => string)[] }[],
    private readonly params: GraphParameter[],
  ) {}

  static async create(params: GraphParameter[], settings: SessionSettings): Promise<OptimizerSessions> {
    const options = trainingSessionOptions(settings);
    const layer0 = params.filter((p) => p.name.startsWith(LAYER0));
    const layers = new Set(params.map((p) => /^model\.layers\.(\d+)\./.exec(p.name)?.[1]).filter((x) => x !== undefined));
    const rest = params.filter((p) => !/^model\.layers\.\d+\./.test(p.name));
    const groups = [];
    if (layer0.length > 0) {
      const runs = [...layers].map((l) => (name: string) => `model.layers.${l}.${name.slice(LAYER0.length)}`);
      groups.push({ session: await InferenceSession.create(buildAdamWGraph(layer0), options), params: layer0, runs });
    }
    if (rest.length > 0) groups.push({ session: await InferenceSession.create(buildAdamWGraph(rest), options), params: rest, runs: [(name: string) => name] });
    return new OptimizerSessions(await InferenceSession.create(buildSquaredNormGraph(params), options), groups, params);
  }

  /** Global 2-norm of the gradients (sum of squares in float32, the square root in float64). */
  async gradNorm(grads: ReadonlyMap<string, Tensor>): Promise<number> {
    const feeds = Object.fromEntries(this.params.map((p) => [IO.grad(p.name), grads.get(p.name)!]));
    const out = await this.norm.run(feeds);
    return Math.sqrt(float32Of(out[IO.sumSquares]!)[0]!);
  }

  /** One AdamW step, in place, with the gradients scaled by `gradScale` (the clip coefficient, or 1). */
  async step(state: AdamWState, params: Map<string, Tensor>, grads: ReadonlyMap<string, Tensor>, config: OptimizerConfig, gradScale: number): Promise<void> {
    state.step += 1;
    const [beta1, beta2] = config.betas;
    const values = [gradScale, 1 - config.lr * config.weightDecay, beta1, 1 - beta1, beta2, 1 - beta2, config.lr / (1 - Math.pow(beta1, state.step)), Math.sqrt(1 - Math.pow(beta2, state.step)), config.eps];
    const scalars: Record<string, Tensor> = Object.fromEntries(IO.scalars.map((name, i) => [name, scalar(values[i]!)]));
    for (const group of this.groups) {
      for (const live of group.runs) {
        const feeds = { ...scalars };
        for (const p of group.params) {
          const name = live(p.name);
          const zeros = () => new Tensor('float32', new Float32Array(p.dims.reduce((a, b) => a * b, 1)), p.dims);
          if (!state.expAvg.has(name)) state.expAvg.set(name, zeros());
          if (!state.expAvgSq.has(name)) state.expAvgSq.set(name, zeros());
          feeds[IO.param(p.name)] = params.get(name)!;
          feeds[IO.grad(p.name)] = grads.get(name)!;
          feeds[IO.expAvg(p.name)] = state.expAvg.get(name)!;
          feeds[IO.expAvgSq(p.name)] = state.expAvgSq.get(name)!;
        }
        // In place: every output is written into the tensor it replaces (elementwise, so safe),
        // so weights and moments keep their buffers across steps and no garbage piles up.
        const fetches: Record<string, Tensor> = {};
        for (const p of group.params) {
          fetches[IO.newParam(p.name)] = feeds[IO.param(p.name)]!;
          fetches[IO.newExpAvg(p.name)] = feeds[IO.expAvg(p.name)]!;
          fetches[IO.newExpAvgSq(p.name)] = feeds[IO.expAvgSq(p.name)]!;
        }
        await group.session.run(feeds, fetches);
      }
    }
  }

  async dispose(): Promise<void> {
    await this.norm.release();
    for (const g of this.groups) await g.session.release();
  }
}
