/**
 * Graph pieces shared by the standard and fused decoders: the graph inputs and outputs,
 * the token embedding, the final norm and the output head.
 */
import { FLOAT, INT64 } from './external-data.js';
import { IO, type DecoderConfig, type WeightMap } from './decoder-config.js';
import type { GraphBuilder } from './graph-builder.js';
import { valueInfo } from './proto.js';
import { headWeight, requireWeight, transpose2d } from './weight-layout.js';

export function declareInputs(g: GraphBuilder, config: DecoderConfig): void {
  g.inputs.push(valueInfo(IO.inputIds, INT64, ['batch_size', 'sequence_length']));
  g.inputs.push(valueInfo(IO.attentionMask, INT64, ['batch_size', 'total_sequence_length']));
  g.inputs.push(valueInfo(IO.positionIds, INT64, ['batch_size', 'sequence_length']));
  const kv = ['batch_size', config.numKeyValueHeads, 'past_sequence_length', config.headDim];
  for (let i = 0; i < config.numHiddenLayers; i++) {
    g.inputs.push(valueInfo(IO.pastKey(i), FLOAT, kv));
    g.inputs.push(valueInfo(IO.pastValue(i), FLOAT, kv));
  }
  g.inputs.push(valueInfo(IO.logitsToKeep, INT64, []));
}

export function declareOutputs(g: GraphBuilder, config: DecoderConfig): void {
  g.outputs.push(valueInfo(IO.logits, FLOAT, ['batch_size', 'kept_sequence_length', config.vocabSize]));
  const kv = ['batch_size', config.numKeyValueHeads, 'total_sequence_length', config.headDim];
  for (let i = 0; i < config.numHiddenLayers; i++) {
    g.outputs.push(valueInfo(IO.presentKey(i), FLOAT, kv));
    g.outputs.push(valueInfo(IO.presentValue(i), FLOAT, kv));
  }
}

/** Name of the transposed output head [H, V] in the graph. */
export const HEAD_T = 'lm_head.weight.transposed';

/**
 * Token embeddings. A tied model stores only the transposed head [H, V] (see outputHead) and
 * gathers its columns; an untied one gathers rows of its own [V, H] table.
 */
export function embedTokens(g: GraphBuilder, config: DecoderConfig, weights: WeightMap): string {
  const shape = [config.vocabSize, config.hiddenSize];
  if (config.tieWordEmbeddings) {
    const columns = g.op1('Gather', [headTransposed(g, config, weights), flatIds(g)], { axis: 1 }); // [H, B*S]
    return g.op1('Transpose', [columns], { perm: [1, 0] });
  }
  const table = g.weight('model.embed_tokens.weight', shape, requireWeight(weights, 'model.embed_tokens.weight', shape));
  return g.op1('Gather', [table, flatIds(g)], { axis: 0 }); // [B*S, H]
}

function flatIds(g: GraphBuilder): string {
  return g.op1('Reshape', [IO.inputIds, g.int64Constant([-1])]);
}

/**
 * The output head as a [H, V] MatMul operand. ORT pre-packs constant MatMul weights and then
 * streams them at full memory bandwidth; a Gemm with transB over the [V, H] table ran the
 * 150k-row head of Qwen2.5 several times slower in batch-1 decode.
 */
function headTransposed(g: GraphBuilder, config: DecoderConfig, weights: WeightMap): string {
  if (g.has(HEAD_T)) return HEAD_T;
  return g.weight(HEAD_T, [config.hiddenSize, config.vocabSize], transpose2d(headWeight(config, weights), config.vocabSize, config.hiddenSize));
}

/**
 * Final norm, then logits for the last `num_logits_to_keep` positions only: generation
 * needs one position, and [batch, prompt, vocab] logits for a 150k vocabulary are gigabytes.
 */
export function outputHead(g: GraphBuilder, config: DecoderConfig, weights: WeightMap, normed: string): void {
  const keep = g.op1('Neg', [IO.logitsToKeep]);
  const starts = g.op1('Unsqueeze', [keep, g.int64Constant([0])]);
  const perToken = g.op1('Reshape', [normed, g.tokenShape([config.hiddenSize])]);
  const kept = g.op1('Slice', [perToken, starts, g.int64Constant([Number.MAX_SAFE_INTEGER]), g.int64Constant([1])]);
  const flat = g.op1('Reshape', [kept, g.int64Constant([-1, config.hiddenSize])]);
  const logits = g.op1('MatMul', [flat, headTransposed(g, config, weights)]);
  const batch = g.op1('Shape', [IO.inputIds], { start: 0, end: 1 });
  g.op('Reshape', [logits, g.op1('Concat', [batch, g.int64Constant([-1, config.vocabSize])], { axis: 0 })], {}, [IO.logits]);
}

/** RMSNorm in the exact op pattern ORT's optimizer fuses into SimplifiedLayerNormalization. */
export function rmsNormStandard(g: GraphBuilder, x: string, weightName: string, weight: Float32Array, eps: number): string {
  const squared = g.op1('Pow', [x, g.floatConstant([2], [])]);
  const meanSquare = g.op1('ReduceMean', [squared], { axes: [-1], keepdims: 1 });
  const denom = g.op1('Sqrt', [g.op1('Add', [meanSquare, g.floatConstant([eps], [])])]);
  const normalized = g.op1('Div', [x, denom]);
  return g.op1('Mul', [normalized, g.weight(weightName, [weight.length], weight)]);
}
