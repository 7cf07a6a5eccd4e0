/**
 * The training graph: the forward pass over prompt + response, the GRPO loss over the
 * response positions, and the backward pass written out op by op, returning the loss, the
 * statistics and every parameter's gradient. Weights are graph inputs (the live training
 * tensors), so one session serves every step. Standard ONNX ops only (opset 17), float32.
 */
import type { LossConfig } from '@prompt-aug/core';
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { FLOAT, INT64 } from '../../onnx/external-data.js';
import { GraphBuilder } from '../../onnx/graph-builder.js';
import { HEAD_T } from '../../onnx/decoder-io.js';
import { encodeModel, valueInfo } from '../../onnx/proto.js';
import { attentionBias, rotaryTables } from '../../onnx/standard-attention.js';
import { layerPrefix } from '../../onnx/weight-layout.js';
import { graphParameters } from '../graph-parameters.js';
import { attention, attentionBackward, type AttentionContext } from './attention-grad.js';
import { rmsNorm, rmsNormBackward, type GradientSink } from './blocks.js';
import { mlp, mlpBackward } from './mlp-grad.js';
import { Ops } from './ops.js';
import { policyLossAndGradient } from './policy-loss-grad.js';
import { TRAIN_IO as IO } from './train-io.js';

export interface TrainGraphOptions {
  loss: LossConfig;
  /** Add each gradient to an `accumulated.*` input (micro-batches after the first). */
  accumulate: boolean;
}

function declareIo(g: GraphBuilder, config: DecoderConfig, options: TrainGraphOptions): void {
  const params = graphParameters(config);
  for (const name of [IO.inputIds, IO.attentionMask, IO.positionIds]) g.inputs.push(valueInfo(name, INT64, ['batch', 'tokens']));
  g.inputs.push(valueInfo(IO.targets, INT64, ['batch', 'response']));
  for (const name of [IO.responseMask, IO.oldLogprobs, IO.lossWeights]) g.inputs.push(valueInfo(name, FLOAT, ['batch', 'response']));
  if (options.loss.klCoef !== 0) g.inputs.push(valueInfo(IO.refLogprobs, FLOAT, ['batch', 'response']));
  g.inputs.push(valueInfo(IO.advantages, FLOAT, ['batch', 1]));
  g.inputs.push(valueInfo(IO.invTemperature, FLOAT, []));
  for (const p of params) g.inputs.push(valueInfo(p.name, FLOAT, p.dims));
  if (options.accumulate) for (const p of params) g.inputs.push(valueInfo(IO.accumulated(p.name), FLOAT, p.dims));
  g.outputs.push(valueInfo(IO.loss, FLOAT, []));
  g.outputs.push(valueInfo(IO.stats, FLOAT, [4]));
  for (const p of params) g.outputs.push(valueInfo(IO.grad(p.name), FLOAT, p.dims));
}

export function buildTrainGraph(config: DecoderConfig, options: TrainGraphOptions): Uint8Array {
  const g = new GraphBuilder(null);
  const o = new Ops(g);
  declareIo(g, config, options);
  const H = config.hiddenSize;
  const contributions = new Map<string, string[]>();
  const sink: GradientSink = (param, grad) => contributions.set(param, [...(contributions.get(param) ?? []), grad]);

  const ctx: AttentionContext = { bias: attentionBias(g), rope: rotaryTables(g, config) };
  const flatIds = o.reshapeTo(IO.inputIds, [-1]);
  let hidden = config.tieWordEmbeddings
    ? o.transpose(g.op1('Gather', [HEAD_T, flatIds], { axis: 1 }), [1, 0])
    : g.op1('Gather', ['model.embed_tokens.weight', flatIds], { axis: 0 });

  const layers = [];
  for (let l = 0; l < config.numHiddenLayers; l++) {
    const p = layerPrefix(l);
    const norm1 = rmsNorm(o, hidden, `${p}.input_layernorm.weight`, config.rmsNormEps);
    const attn = attention(o, config, l, norm1.y, ctx);
    const mid = o.add(hidden, attn.y);
    const norm2 = rmsNorm(o, mid, `${p}.post_attention_layernorm.weight`, config.rmsNormEps);
    const ffn = mlp(o, config, l, norm2.y);
    layers.push({ norm1, attn, norm2, ffn });
    hidden = o.add(mid, ffn.y);
  }

  // Positions P−1 … T−2 predict the R response tokens; only they reach the head.
  const steps = g.op1('Shape', [IO.inputIds], { start: 1, end: 2 });
  const responseSteps = g.op1('Shape', [IO.targets], { start: 1, end: 2 });
  const first = o.sub(o.sub(steps, responseSteps), g.int64Constant([1]));
  const last = o.sub(steps, g.int64Constant([1]));
  const perToken = o.reshape(hidden, g.tokenShape([H]));
  const predicting = o.reshapeTo(g.op1('Slice', [perToken, first, last, g.int64Constant([1])]), [-1, H]);
  const finalNorm = rmsNorm(o, predicting, 'model.norm.weight', config.rmsNormEps);
  const logits = o.matmul(finalNorm.y, HEAD_T);
  const batchShape = g.op1('Shape', [IO.targets]);
  const lossOut = policyLossAndGradient(o, logits, batchShape, options.loss);
  g.op('Identity', [lossOut.loss], {}, [IO.loss]);
  g.op('Identity', [lossOut.stats], {}, [IO.stats]);

  sink(HEAD_T, o.matmulTA(finalNorm.y, lossOut.dLogits));
  const dPredicting = rmsNormBackward(o, finalNorm.saved, o.matmulTB(lossOut.dLogits, HEAD_T), sink);
  const zero = g.int64Constant([0]);
  const pads = g.op1('Concat', [zero, first, zero, zero, g.int64Constant([1]), zero], { axis: 0 });
  const dGrid = o.reshape(dPredicting, g.op1('Concat', [batchShape, g.int64Constant([H])], { axis: 0 }));
  let dHidden = o.reshapeTo(g.op1('Pad', [dGrid, pads]), [-1, H]);

  for (let l = config.numHiddenLayers - 1; l >= 0; l--) {
    const { norm1, attn, norm2, ffn } = layers[l]!;
    const dMid = o.add(dHidden, rmsNormBackward(o, norm2.saved, mlpBackward(o, config, l, ffn.saved, dHidden, sink), sink));
    dHidden = o.add(dMid, rmsNormBackward(o, norm1.saved, attentionBackward(o, config, l, attn.saved, dMid, ctx, sink), sink));
  }

  // Embedding rows: scatter-add each token's gradient into its row.
  const table = g.op1('ConstantOfShape', [g.int64Constant([config.vocabSize, H])]);
  const rows = g.op1('ScatterND', [table, o.unsqueeze(flatIds, [1]), dHidden], { reduction: 'add' });
  sink(config.tieWordEmbeddings ? HEAD_T : 'model.embed_tokens.weight', config.tieWordEmbeddings ? o.transpose(rows, [1, 0]) : rows);

  for (const p of graphParameters(config)) {
    const parts = contributions.get(p.name);
    if (!parts) throw new Error(`training graph: no gradient reaches ${p.name}`);
    if (options.accumulate) parts.push(IO.accumulated(p.name));
    g.op(parts.length === 1 ? 'Identity' : 'Sum', parts, {}, [IO.grad(p.name)]);
  }
  return encodeModel(g.model('prompt-aug backend-ort training step'));
}
