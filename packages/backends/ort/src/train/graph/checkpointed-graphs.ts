/**
 * Activation recomputation (layer checkpointing) as five small graphs the trainer chains per
 * micro-batch: embed; one decoder layer forward; head + loss + its backward pass; one decoder
 * layer backward that first recomputes that layer's forward from its saved input; and the
 * embedding gradient. Between runs only each layer's input [B·T, H] is kept, so a step holds
 * one layer's activations at a time instead of all of them. The layer graphs are written for
 * layer 0 and serve every layer: the trainer feeds layer l's weights under layer 0's names.
 */
import type { LossConfig } from '@prompt-aug/plugin-api';
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { FLOAT, INT64 } from '../../onnx/external-data.js';
import { GraphBuilder } from '../../onnx/graph-builder.js';
import { encodeModel, valueInfo } from '../../onnx/proto.js';
import { graphParameters, type GraphParameter } from '../graph-parameters.js';
import { attentionContext, declareParameters, GradientOutputs } from './build-train-graph.js';
import { declareLossInputs, declareTokenInputs, embed, embedBackward, headLossBackward, layerBackward, layerForward } from './model-pieces.js';
import { Ops } from './ops.js';
import { TRAIN_IO as IO } from './train-io.js';

export const CHECKPOINT_IO = { hidden: 'hidden', hiddenOut: 'hidden_out', dHidden: 'd_hidden', dHiddenIn: 'd_hidden_in' } as const;

const LAYER0 = 'model.layers.0.';

/** Parameters a layer graph reads (layer 0's names), the head's, and the embedding's. */
export function checkpointedParameterGroups(config: DecoderConfig) {
  const all = graphParameters(config);
  const layer = all.filter((p) => p.name.startsWith(LAYER0));
  const embedding = all.filter((p) => p.hfName === 'model.embed_tokens.weight');
  const head = all.filter((p) => p.name === 'model.norm.weight' || p.name === 'lm_head.weight.transposed');
  return { all, layer, embedding, head };
}

/** Layer 0's parameter name → layer l's. */
export function layerName(name: string, layer: number): string {
  return `model.layers.${layer}.${name.slice(LAYER0.length)}`;
}

function hiddenInfo(name: string, config: DecoderConfig) {
  return valueInfo(name, FLOAT, ['tokens', config.hiddenSize]);
}

export function buildEmbedGraph(config: DecoderConfig, embedding: GraphParameter[]): Uint8Array {
  const g = new GraphBuilder(null);
  g.inputs.push(valueInfo(IO.inputIds, INT64, ['batch', 'tokens']));
  declareParameters(g, embedding);
  g.outputs.push(hiddenInfo(CHECKPOINT_IO.hidden, config));
  g.op('Identity', [embed(new Ops(g), config)], {}, [CHECKPOINT_IO.hidden]);
  return encodeModel(g.model('prompt-aug backend-ort embed'));
}

export function buildLayerForwardGraph(config: DecoderConfig, layer: GraphParameter[]): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  declareTokenInputs(g);
  g.inputs.push(hiddenInfo(CHECKPOINT_IO.hidden, config));
  declareParameters(g, layer);
  g.outputs.push(hiddenInfo(CHECKPOINT_IO.hiddenOut, config));
  g.op('Identity', [layerForward(o, config, 0, CHECKPOINT_IO.hidden, attentionContext(g, config)).out], {}, [CHECKPOINT_IO.hiddenOut]);
  return encodeModel(g.model('prompt-aug backend-ort layer forward'));
}

export function buildHeadGraph(config: DecoderConfig, head: GraphParameter[], loss: LossConfig, accumulate: boolean): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  g.inputs.push(valueInfo(IO.inputIds, INT64, ['batch', 'tokens']));
  declareLossInputs(g, loss);
  g.inputs.push(hiddenInfo(CHECKPOINT_IO.hidden, config));
  declareParameters(g, head);
  g.outputs.push(valueInfo(IO.loss, FLOAT, []), valueInfo(IO.stats, FLOAT, [4]), hiddenInfo(CHECKPOINT_IO.dHidden, config));
  const grads = new GradientOutputs();
  g.op('Identity', [headLossBackward(o, config, loss, CHECKPOINT_IO.hidden, grads.sink)], {}, [CHECKPOINT_IO.dHidden]);
  grads.emit(g, head, accumulate);
  return encodeModel(g.model('prompt-aug backend-ort head and loss'));
}

export function buildLayerBackwardGraph(config: DecoderConfig, layer: GraphParameter[], accumulate: boolean): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  declareTokenInputs(g);
  g.inputs.push(hiddenInfo(CHECKPOINT_IO.hidden, config), hiddenInfo(CHECKPOINT_IO.dHidden, config));
  declareParameters(g, layer);
  g.outputs.push(hiddenInfo(CHECKPOINT_IO.dHiddenIn, config));
  const ctx = attentionContext(g, config);
  const grads = new GradientOutputs();
  const recomputed = layerForward(o, config, 0, CHECKPOINT_IO.hidden, ctx);
  g.op('Identity', [layerBackward(o, config, 0, recomputed.saved, CHECKPOINT_IO.dHidden, ctx, grads.sink)], {}, [CHECKPOINT_IO.dHiddenIn]);
  grads.emit(g, layer, accumulate);
  return encodeModel(g.model('prompt-aug backend-ort layer backward'));
}

/** A tied head's embedding gradient always adds to the head's (`accumulate` true). */
export function buildEmbedBackwardGraph(config: DecoderConfig, embedding: GraphParameter[], accumulate: boolean): Uint8Array {
  const g = new GraphBuilder(null);
  g.inputs.push(valueInfo(IO.inputIds, INT64, ['batch', 'tokens']), hiddenInfo(CHECKPOINT_IO.dHidden, config));
  const grads = new GradientOutputs();
  embedBackward(new Ops(g), config, CHECKPOINT_IO.dHidden, grads.scatter);
  grads.emit(g, embedding, accumulate);
  return encodeModel(g.model('prompt-aug backend-ort embedding gradient'));
}
