/**
 * AdamW moments held as ORT tensors in graph layout (created as zeros on a parameter's first
 * update, as torch does), and the optimizer step: the global norm as an ORT graph, then AdamW
 * by one of two kernels with the same bits — on the CPU the WebAssembly SIMD kernel (one pass
 * over memory, wasm/wasm-adamw.ts), on a GPU execution provider the ONNX graph, which runs
 * where the EP does.
 *
 * The graph
 * runs on chunks — views into the live buffers, updated in place — so the ~15
 * intermediates of its elementwise chain are one chunk's, whatever the tensor: a 0.5B
 * model's tied head alone is 136 M elements, whose whole-tensor intermediates would be GBs.
 * (It is bound by memory traffic either way: on the 19M bench shape chunks and whole
 * layers take the same time.)
 */
import type { OptimizerConfig } from '@prompt-aug/plugin-api';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { SessionSettings } from '../session/session-options.js';
import { trainingSessionOptions } from './training-session-options.js';
import { float32Of } from '../session/tensors.js';
import { CHUNK, OPTIMIZER_IO as IO, buildAdamWChunkGraph, buildSquaredNormGraph } from './graph/optimizer-graphs.js';
import { zerosFor, type GraphParameter } from './graph-parameters.js';
import { WasmAdamW } from './wasm/wasm-adamw.js';

/** Elements per AdamW graph run: 1 MiB per stream (smaller chunks pay more per-run overhead than they save). */
export const DEFAULT_ADAMW_CHUNK = 1 << 18;

export type AdamWKernel = 'wasm' | 'graph';

export interface OptimizerOptions {
  /** Default: 'wasm' on the CPU, 'graph' on a GPU execution provider. */
  kernel?: AdamWKernel;
  /** Elements per graph run or per copy into the wasm kernel (defaults suit each). */
  chunk?: number;
}

export interface AdamWState {
  step: number;
  expAvg: Map<string, Tensor>;
  expAvgSq: Map<string, Tensor>;
}

export function createAdamWState(): AdamWState {
  return { step: 0, expAvg: new Map(), expAvgSq: new Map() };
}

const scalar = (x: number) => new Tensor('float32', Float32Array.of(x), []);
const size = (p: GraphParameter) => p.dims.reduce((a, b) => a * b, 1);

export class OptimizerSessions {
  private constructor(
    private readonly norm: InferenceSession,
    private readonly adamw: InferenceSession | WasmAdamW,
    private readonly params: GraphParameter[],
    private readonly chunk: number,
  ) {}

  static async create(params: GraphParameter[], settings: SessionSettings, { kernel = settings.device === 'cpu' ? 'wasm' : 'graph', chunk }: OptimizerOptions = {}): Promise<OptimizerSessions> {
    const options = trainingSessionOptions(settings);
    const [norm, adamw] = await Promise.all([
      InferenceSession.create(buildSquaredNormGraph(params), options),
      kernel === 'wasm' ? WasmAdamW.create(chunk) : InferenceSession.create(buildAdamWChunkGraph(), options),
    ]);
    return new OptimizerSessions(norm, adamw, params, chunk ?? DEFAULT_ADAMW_CHUNK);
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
    for (const p of this.params) {
      const n = size(p);
      if (!state.expAvg.has(p.name)) state.expAvg.set(p.name, zerosFor(p));
      if (!state.expAvgSq.has(p.name)) state.expAvgSq.set(p.name, zerosFor(p));
      const streams = [params.get(p.name)!, grads.get(p.name)!, state.expAvg.get(p.name)!, state.expAvgSq.get(p.name)!].map(float32Of);
      if (this.adamw instanceof WasmAdamW) {
        this.adamw.update(streams[0]!, streams[1]!, streams[2]!, streams[3]!, values.map(Math.fround));
        // The kernel runs on this thread: let timers, signals and sockets in between tensors.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      for (let start = 0; start < n; start += this.chunk) {
        const end = Math.min(n, start + this.chunk);
        const [param, grad, m, v] = streams.map((data) => new Tensor('float32', data.subarray(start, end), [end - start]));
        // Outputs are written into the views they replace (elementwise, so safe): weights and
        // moments keep their buffers across steps, which generation reads too.
        await this.adamw.run({ ...scalars, [IO.param(CHUNK)]: param!, [IO.grad(CHUNK)]: grad!, [IO.expAvg(CHUNK)]: m!, [IO.expAvgSq(CHUNK)]: v! }, { [IO.newParam(CHUNK)]: param!, [IO.newExpAvg(CHUNK)]: m!, [IO.newExpAvgSq(CHUNK)]: v! });
      }
    }
  }

  async dispose(): Promise<void> {
    await this.norm.release();
    if (!(this.adamw instanceof WasmAdamW)) await this.adamw.release();
  }
}
