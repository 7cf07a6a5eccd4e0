/**
 * The training-graph sessions and the micro-batch loop: runs the graph once per micro-batch
 * with the running gradient fed in and the sum written back to the same buffers (the sum
 * happens in ORT, not in JavaScript), and sums the scalar statistics.
 */
import type { LossConfig, TrainStepInput, TrainStepSums } from '@prompt-aug/plugin-api';
import { InferenceSession, type Tensor } from 'onnxruntime-node';
import type { DecoderConfig } from '../onnx/decoder-config.js';
import type { SessionSettings } from '../session/session-options.js';
import { trainingSessionOptions } from './training-session-options.js';
import { float32Of } from '../session/tensors.js';
import { buildTrainGraph } from './graph/build-train-graph.js';
import { TRAIN_IO as IO } from './graph/train-io.js';
import { graphParameters, zerosForAll, type GraphParameter } from './graph-parameters.js';
import { aggregationWeights } from '@prompt-aug/plugin-api';
import { batchFeeds } from './train-feeds.js';

export type StepSums = TrainStepSums;

export interface Gradients {
  grads: Map<string, Tensor>;
  sums: StepSums;
}

/** What the trainer needs from a gradient computation (whole-step graph or checkpointed layers). */
export interface GradientEngine {
  readonly parameters: GraphParameter[];
  gradients(params: ReadonlyMap<string, Tensor>, input: TrainStepInput, loss: LossConfig): Promise<Gradients>;
  dispose(): Promise<void>;
}

export class GradientSessions implements GradientEngine {
  private readonly sessions = new Map<string, Promise<InferenceSession>>();
  readonly parameters: GraphParameter[];
  /**
   * The gradient buffers, allocated once, zeroed at the start of a step and summed into by
   * every micro-batch: a fresh 4-bytes-per-parameter allocation per step would cost page
   * faults and leave garbage for the collector, and one accumulating graph serves the first
   * micro-batch too (0 + g is exact), so one session and one memory arena serve the step.
   */
  private buffers: Map<string, Tensor> | null = null;

  constructor(
    private readonly config: DecoderConfig,
    private readonly settings: SessionSettings,
  ) {
    this.parameters = graphParameters(config);
  }

  /** One session per loss configuration; loss constants are baked into the graph. */
  private session(loss: LossConfig): Promise<InferenceSession> {
    const key = JSON.stringify(loss);
    let session = this.sessions.get(key);
    if (!session) {
      session = InferenceSession.create(buildTrainGraph(this.config, { loss, accumulate: true }), trainingSessionOptions(this.settings, { arena: true }));
      this.sessions.set(key, session);
      session.catch(() => this.sessions.delete(key));
    }
    return session;
  }

  async gradients(params: ReadonlyMap<string, Tensor>, input: TrainStepInput, loss: LossConfig): Promise<Gradients> {
    const B = input.responseIds.length;
    const weights = aggregationWeights(input.responseMask, loss.aggregation);
    const micro = Math.max(1, Math.min(input.microBatchSize ?? B, B));
    const sums: StepSums = { loss: 0, clipped: 0, dual: 0, kl: 0, entropy: 0 };
    const session = await this.session(loss);
    this.buffers ??= zerosForAll(this.parameters);
    const grads = this.buffers;
    // Each micro-batch adds its gradient into the running sum's own buffer (elementwise, in place).
    const sumFeeds: Record<string, Tensor> = { ...Object.fromEntries(params) };
    const fetches: Record<string, Tensor | null> = { [IO.loss]: null, [IO.stats]: null };
    for (const p of this.parameters) {
      const buffer = grads.get(p.name)!;
      float32Of(buffer).fill(0);
      sumFeeds[IO.accumulated(p.name)] = buffer;
      fetches[IO.grad(p.name)] = buffer;
    }
    for (let start = 0; start < B; start += micro) {
      const end = Math.min(start + micro, B);
      const out = await session.run({ ...batchFeeds(input, weights, start, end, loss.klCoef !== 0), ...sumFeeds }, fetches);
      sums.loss += float32Of(out[IO.loss]!)[0]!;
      const [clipped, dual, kl, entropy] = float32Of(out[IO.stats]!);
      sums.clipped += clipped!;
      sums.dual += dual!;
      sums.kl += kl!;
      sums.entropy += entropy!;
    }
    return { grads, sums };
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s.catch(() => null))?.release();
    this.sessions.clear();
  }
}
