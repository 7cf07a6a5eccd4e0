/**
 * The parts of the training graph around the decoder layers, shared by the whole-step graph
 * and the layer-checkpointed graphs: declarations of the batch inputs, the embedding and its
 * gradient, one decoder layer forward and backward, and the head + loss + their backward pass.
 */
import type { LossConfig } from '@prompt-aug/plugin-api';
import type { DecoderConfig } from '../../onnx/decoder-config.js';
import { HEAD_T } from '../../onnx/decoder-io.js';
import { FLOAT, INT64 } from '../../onnx/external-data.js';
import type { GraphBuilder } from '../../onnx/graph-builder.js';
import { valueInfo } from '../../onnx/proto.js';
import { layerPrefix } from '../../onnx/weight-layout.js';
import { attention, attentionBackward, type AttentionContext, type AttentionSaved } from './attention-grad.js';
import { rmsNorm, rmsNormBackward, type GradientSink, type RmsNormSaved, type ScatterSink } from './blocks.js';
import { mlp, mlpBackward, type MlpSaved } from './mlp-grad.js';
import type { Ops } from './ops.js';
import { policyLossAndGradient } from './policy-loss-grad.js';
import { TRAIN_IO as IO } from './train-io.js';

export function declareTokenInputs(g: GraphBuilder): void {
  for (const name of [IO.inputIds, IO.attentionMask, IO.positionIds]) g.inputs.push(valueInfo(name, INT64, ['batch', 'tokens']));
}

export function declareLossInputs(g: GraphBuilder, loss: LossConfig): void {
  g.inputs.push(valueInfo(IO.targets, INT64, ['batch', 'response']));
  for (const name of [IO.responseMask, IO.oldLogprobs, IO.lossWeights]) g.inputs.push(valueInfo(name, FLOAT, ['batch', 'response']));
  if (loss.klCoef !== 0) g.inputs.push(valueInfo(IO.refLogprobs, FLOAT, ['batch', 'response']));
  g.inputs.push(valueInfo(IO.advantages, FLOAT, ['batch', 1]));
  g.inputs.push(valueInfo(IO.invTemperature, FLOAT, []));
}

function flatIds(o: Ops): string {
  return o.reshapeTo(IO.inputIds, [-1]);
}

/** Token embeddings [B·T, H]; a tied model gathers columns of the [H, V] head. */
export function embed(o: Ops, config: DecoderConfig): string {
  return config.tieWordEmbeddings
    ? o.transpose(o.g.op1('Gather', [HEAD_T, flatIds(o)], { axis: 1 }), [1, 0])
    : o.g.op1('Gather', ['model.embed_tokens.weight', flatIds(o)], { axis: 0 });
}

/**
 * Adds each token's gradient into its embedding row: of the [V, H] table (from zeros), or, for
 * a tied model, straight into the [H, V] head gradient as columns (no [V, H] table and no
 * transpose of it). `ScatterElements`, not `ScatterND`: ORT's CPU ScatterND adds the rows of
 * repeated tokens from several threads at once, so its sums change from run to run.
 */
export function embedBackward(o: Ops, config: DecoderConfig, dHidden: string, sink: ScatterSink): void {
  const { hiddenSize: H, vocabSize: V } = config;
  const zeros = (dims: number[]) => o.g.op1('ConstantOfShape', [o.g.int64Constant(dims)]);
  const ids = flatIds(o);
  if (config.tieWordEmbeddings) {
    // Column ids[n] of row h gains dHidden[n, h]: indices and updates are [H, N].
    const columns = o.g.op1('Expand', [o.unsqueeze(ids, [0]), o.g.int64Constant([H, 1])]);
    sink(HEAD_T, (base) => o.g.op1('ScatterElements', [base ?? zeros([H, V]), columns, o.transpose(dHidden, [1, 0])], { axis: 1, reduction: 'add' }));
  } else {
    // Row ids[n] gains dHidden[n, :]: indices and updates are [N, H].
    const rows = o.g.op1('Expand', [o.unsqueeze(ids, [1]), o.g.int64Constant([1, H])]);
    sink('model.embed_tokens.weight', (base) => o.g.op1('ScatterElements', [base ?? zeros([V, H]), rows, dHidden], { axis: 0, reduction: 'add' }));
  }
}

export interface LayerSaved {
  norm1: RmsNormSaved;
  attn: AttentionSaved;
  norm2: RmsNormSaved;
  ffn: MlpSaved;
}

export function layerForward(o: Ops, config: DecoderConfig, layer: number, hidden: string, ctx: AttentionContext): { out: string; saved: LayerSaved } {
  const p = layerPrefix(layer);
  const norm1 = rmsNorm(o, hidden, `${p}.input_layernorm.weight`, config.rmsNormEps);
  const attn = attention(o, config, layer, norm1.y, ctx);
  const mid = o.add(hidden, attn.y);
  const norm2 = rmsNorm(o, mid, `${p}.post_attention_layernorm.weight`, config.rmsNormEps);
  const ffn = mlp(o, config, layer, norm2.y);
  return { out: o.add(mid, ffn.y), saved: { norm1: norm1.saved, attn: attn.saved, norm2: norm2.saved, ffn: ffn.saved } };
}

export function layerBackward(o: Ops, config: DecoderConfig, layer: number, s: LayerSaved, dOut: string, ctx: AttentionContext, sink: GradientSink): string {
  const dMid = o.add(dOut, rmsNormBackward(o, s.norm2, mlpBackward(o, config, layer, s.ffn, dOut, sink), sink));
  return o.add(dMid, rmsNormBackward(o, s.norm1, attentionBackward(o, config, layer, s.attn, dMid, ctx, sink), sink));
}

/**
 * Final norm and head on the positions P−1 … T−2 that predict the R response tokens, the loss
 * (graph outputs `loss` and `stats`), and the gradient w.r.t. the last hidden states [B·T, H].
 */
export function headLossBackward(o: Ops, config: DecoderConfig, loss: LossConfig, hidden: string, sink: GradientSink): string {
  const g = o.g;
  const H = config.hiddenSize;
  const steps = g.op1('Shape', [IO.inputIds], { start: 1, end: 2 });
  const responseSteps = g.op1('Shape', [IO.targets], { start: 1, end: 2 });
  const first = o.sub(o.sub(steps, responseSteps), g.int64Constant([1]));
  const last = o.sub(steps, g.int64Constant([1]));
  const perToken = o.reshape(hidden, g.tokenShape([H]));
  const predicting = o.reshapeTo(g.op1('Slice', [perToken, first, last, g.int64Constant([1])]), [-1, H]);
  const finalNorm = rmsNorm(o, predicting, 'model.norm.weight', config.rmsNormEps);
  // logits / T = (x / T) · W: the temperature scales the [BR, H] input, not the [BR, V] logits.
  const scaled = o.mul(finalNorm.y, IO.invTemperature);
  const batchShape = g.op1('Shape', [IO.targets]);
  const lossOut = policyLossAndGradient(o, o.matmul(scaled, HEAD_T), batchShape, loss);
  g.op('Identity', [lossOut.loss], {}, [IO.loss]);
  g.op('Identity', [lossOut.stats], {}, [IO.stats]);
  sink(HEAD_T, o.matmulTA(scaled, lossOut.dScaledLogits));
  const dNormed = o.mul(o.matmulTB(lossOut.dScaledLogits, HEAD_T), IO.invTemperature);
  const dPredicting = rmsNormBackward(o, finalNorm.saved, dNormed, sink);
  const zero = g.int64Constant([0]);
  const pads = g.op1('Concat', [zero, first, zero, zero, g.int64Constant([1]), zero], { axis: 0 });
  const dGrid = o.reshape(dPredicting, g.op1('Concat', [batchShape, g.int64Constant([H])], { axis: 0 }));
  return o.reshapeTo(g.op1('Pad', [dGrid, pads]), [-1, H]);
}
