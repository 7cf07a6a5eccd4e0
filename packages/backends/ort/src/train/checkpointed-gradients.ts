/**
 * The training step's gradients with activation recomputation: per micro-batch, the layer
 * inputs are computed and kept, then the layers run backward from the last, each recomputing
 * its own activations (checkpointed-graphs.ts). Same numbers as GradientSessions, one layer's
 * activations in memory at a time, about one extra forward pass of work.
 */
import type { LossConfig, TrainStepInput } from '@prompt-aug/plugin-api';
import { InferenceSession, type Tensor } from 'onnxruntime-node';
import type { DecoderConfig } from '../onnx/decoder-config.js';
import type { SessionSettings } from '../session/session-options.js';
import { trainingSessionOptions } from './training-session-options.js';
import { float32Of } from '../session/tensors.js';
import {
  CHECKPOINT_IO as CK,
  buildEmbedBackwardGraph,
  buildEmbedGraph,
  buildHeadGraph,
  buildLayerBackwardGraph,
  buildLayerForwardGraph,
  checkpointedParameterGroups,
  layerName,
} from './graph/checkpointed-graphs.js';
import { TRAIN_IO as IO } from './graph/train-io.js';
import { zerosForAll, type GraphParameter } from './graph-parameters.js';
import type { GradientEngine, Gradients, StepSums } from './gradient-sessions.js';
import { aggregationWeights } from '@prompt-aug/plugin-api';
import { batchFeeds } from './train-feeds.js';

type Feeds = Record<string, Tensor>;

export class CheckpointedGradients implements GradientEngine {
  private readonly sessions = new Map<string, Promise<InferenceSession>>();
  private readonly groups;
  readonly parameters: GraphParameter[];
  /** Gradient buffers by live name, allocated once and written in place every step (as GradientSessions'). */
  private buffers: Map<string, Tensor> | null = null;

  constructor(
    private readonly config: DecoderConfig,
    private readonly settings: SessionSettings,
  ) {
    this.groups = checkpointedParameterGroups(config);
    this.parameters = this.groups.all;
  }

  private session(key: string, build: () => Uint8Array): Promise<InferenceSession> {
    let s = this.sessions.get(key);
    if (!s) {
      s = InferenceSession.create(build(), trainingSessionOptions(this.settings));
      this.sessions.set(key, s);
      s.catch(() => this.sessions.delete(key));
    }
    return s;
  }

  /**
   * Runs a session with the feeds it declares (ORT refuses unknown feed names); each gradient
   * is written into its parameter's buffer, which holds the running sum it accumulates onto
   * (elementwise, in place). `rename` maps the graph's parameter names to live ones.
   */
  private async run(session: InferenceSession, feeds: Feeds, rename: (n: string) => string = (n) => n): Promise<Record<string, Tensor>> {
    const fetches = Object.fromEntries(session.outputNames.map((n): [string, Tensor | null] => [n, n.startsWith('grad.') ? this.buffers!.get(rename(n.slice(5)))! : null]));
    return session.run(Object.fromEntries(session.inputNames.map((n) => [n, feeds[n]!])), fetches);
  }

  private layerFeeds(params: ReadonlyMap<string, Tensor>, layer: number): Feeds {
    return Object.fromEntries(this.groups.layer.map((p) => [p.name, params.get(layerName(p.name, layer))!]));
  }

  async gradients(params: ReadonlyMap<string, Tensor>, input: TrainStepInput, loss: LossConfig): Promise<Gradients> {
    const { config, groups } = this;
    const B = input.responseIds.length;
    const weights = aggregationWeights(input.responseMask, loss.aggregation);
    const micro = Math.max(1, Math.min(input.microBatchSize ?? B, B));
    const sums: StepSums = { loss: 0, clipped: 0, dual: 0, kl: 0, entropy: 0 };
    const all = Object.fromEntries(params);
    this.buffers ??= zerosForAll(this.parameters);
    const grads = new Map<string, Tensor>();
    const take = (out: Record<string, Tensor>, group: GraphParameter[], rename: (n: string) => string = (n) => n) => {
      for (const p of group) grads.set(rename(p.name), out[IO.grad(p.name)]!);
    };
    const accumulated = (group: GraphParameter[], rename: (n: string) => string = (n) => n): Feeds =>
      Object.fromEntries(group.filter((p) => grads.has(rename(p.name))).map((p) => [IO.accumulated(p.name), grads.get(rename(p.name))!]));

    const embedForward = await this.session('embed', () => buildEmbedGraph(config, groups.embedding));
    const layerForward = await this.session('layer-forward', () => buildLayerForwardGraph(config, groups.layer));
    for (let start = 0; start < B; start += micro) {
      const end = Math.min(start + micro, B);
      const first = grads.size === 0;
      const batch: Feeds = { ...batchFeeds(input, weights, start, end, loss.klCoef !== 0), ...all };
      const inputs: Tensor[] = [(await this.run(embedForward, batch))[CK.hidden]!];
      for (let l = 0; l < config.numHiddenLayers; l++) {
        const out = await this.run(layerForward, { ...batch, ...this.layerFeeds(params, l), [CK.hidden]: inputs[l]! });
        inputs.push(out[CK.hiddenOut]!);
      }
      const head = await this.session(`head:${JSON.stringify(loss)}:${!first}`, () => buildHeadGraph(config, groups.head, loss, !first));
      const headOut = await this.run(head, { ...batch, ...accumulated(groups.head), [CK.hidden]: inputs[config.numHiddenLayers]! });
      sums.loss += float32Of(headOut[IO.loss]!)[0]!;
      const [clipped, dual, kl, entropy] = float32Of(headOut[IO.stats]!);
      sums.clipped += clipped!;
      sums.dual += dual!;
      sums.kl += kl!;
      sums.entropy += entropy!;
      take(headOut, groups.head);
      let dHidden = headOut[CK.dHidden]!;
      const layerBackward = await this.session(`layer-backward:${!first}`, () => buildLayerBackwardGraph(config, groups.layer, !first));
      for (let l = config.numHiddenLayers - 1; l >= 0; l--) {
        const rename = (n: string) => layerName(n, l);
        const out = await this.run(layerBackward, { ...batch, ...this.layerFeeds(params, l), ...accumulated(groups.layer, rename), [CK.hidden]: inputs[l]!, [CK.dHidden]: dHidden }, rename);
        take(out, groups.layer, rename);
        dHidden = out[CK.dHiddenIn]!;
        inputs[l + 1] = inputs[l]!; // drop the consumed layer output
      }
      const embedAccumulates = config.tieWordEmbeddings || !first;
      const embedBackward = await this.session(`embed-backward:${embedAccumulates}`, () => buildEmbedBackwardGraph(config, groups.embedding, embedAccumulates));
      take(await this.run(embedBackward, { ...batch, ...accumulated(groups.embedding), [CK.dHidden]: dHidden }), groups.embedding);
    }
    return { grads, sums };
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s.catch(() => null))?.release();
    this.sessions.clear();
  }
}
