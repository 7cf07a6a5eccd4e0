/**
 * The training graph: the forward pass over prompt + response, the GRPO loss over the
 * response positions, and the backward pass written out op by op, returning the loss, the
 * statistics and every parameter's gradient. Weights are graph inputs (the live training
 * tensors), so one session serves every step. Standard ONNX ops only (opset 17), float32.
 */
import type { LossConfig } from '@prompt-aug/plugin-api';
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { FLOAT } from '../../onnx/external-data.js';
import { GraphBuilder } from '../../onnx/graph-builder.js';
import { encodeModel, valueInfo } from '../../onnx/proto.js';
import { attentionBias, rotaryTables } from '../../onnx/standard-attention.js';
import { graphParameters, type GraphParameter } from '../graph-parameters.js';
import type { AttentionContext } from './attention-grad.js';
import type { GradientSink, ScatterSink } from './blocks.js';
import { declareLossInputs, declareTokenInputs, embed, embedBackward, headLossBackward, layerBackward, layerForward, type LayerSaved } from './model-pieces.js';
import { Ops } from './ops.js';
import { TRAIN_IO as IO } from './train-io.js';

export interface TrainGraphOptions {
  loss: LossConfig;
  /** Add each gradient to an `accumulated.*` input (micro-batches after the first). */
  accumulate: boolean;
}

/** Collects gradient contributions by parameter; `emit` writes each sum to `grad.<name>`. */
export class GradientOutputs {
  private readonly parts = new Map<string, string[]>();
  private readonly scatters = new Map<string, ((base: string | null) => string)[]>();
  readonly sink: GradientSink = (param, grad) => this.parts.set(param, [...(this.parts.get(param) ?? []), grad]);
  readonly scatter: ScatterSink = (param, into) => this.scatters.set(param, [...(this.scatters.get(param) ?? []), into]);

  emit(g: GraphBuilder, params: GraphParameter[], accumulate: boolean): void {
    for (const p of params) {
      const parts = [...(this.parts.get(p.name) ?? [])];
      const scatters = this.scatters.get(p.name) ?? [];
      if (parts.length === 0 && scatters.length === 0) throw new Error(`training graph: no gradient reaches ${p.name}`);
      g.outputs.push(valueInfo(IO.grad(p.name), FLOAT, p.dims));
      if (accumulate) {
        g.inputs.push(valueInfo(IO.accumulated(p.name), FLOAT, p.dims));
        // First, so a kernel that sums pairwise into its output reads it before overwriting it
        // (the trainer writes the sum into the running gradient's own buffer).
        parts.unshift(IO.accumulated(p.name));
      }
      if (scatters.length === 0) {
        g.op(parts.length === 1 ? 'Identity' : 'Sum', parts, {}, [IO.grad(p.name)]);
        continue;
      }
      let sum: string | null = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : g.op1('Sum', parts);
      for (const into of scatters) sum = into(sum);
      g.op('Identity', [sum!], {}, [IO.grad(p.name)]);
    }
  }
}

export function declareParameters(g: GraphBuilder, params: GraphParameter[]): void {
  for (const p of params) g.inputs.push(valueInfo(p.name, FLOAT, p.dims));
}

export function attentionContext(g: GraphBuilder, config: DecoderConfig): AttentionContext {
  return { bias: attentionBias(g), rope: rotaryTables(g, config) };
}

export function buildTrainGraph(config: DecoderConfig, options: TrainGraphOptions): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  const params = graphParameters(config);
  declareTokenInputs(g);
  declareLossInputs(g, options.loss);
  declareParameters(g, params);
  g.outputs.push(valueInfo(IO.loss, FLOAT, []), valueInfo(IO.stats, FLOAT, [4]));
  const grads = new GradientOutputs();
  const ctx = attentionContext(g, config);
  let hidden = embed(o, config);
  const layers: LayerSaved[] = [];
  for (let l = 0; l < config.numHiddenLayers; l++) {
    const step = layerForward(o, config, l, hidden, ctx);
    layers.push(step.saved);
    hidden = step.out;
  }
  let dHidden = headLossBackward(o, config, options.loss, hidden, grads.sink);
  for (let l = config.numHiddenLayers - 1; l >= 0; l--) dHidden = layerBackward(o, config, l, layers[l]!, dHidden, ctx, grads.sink);
  embedBackward(o, config, dHidden, grads.scatter);
  grads.emit(g, params, options.accumulate);
  return encodeModel(g.model('prompt-aug backend-ort training step'));
}
