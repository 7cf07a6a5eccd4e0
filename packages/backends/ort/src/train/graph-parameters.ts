/**
 * The trainable parameters as the graphs see them: Hugging Face names, Linear weights
 * transposed to [in, out] and the output head as the [H, V] `lm_head.weight.transposed`
 * (which a tied model's embedding lookup also reads). Training, generation and scoring all
 * feed the same Float32Arrays under these names.
 */
import { Tensor } from 'onnxruntime-node';
import type { DecoderConfig } from '../onnx/decoder-config.js';
import { HEAD_T } from '../onnx/decoder-io.js';
import { layerPrefix, transpose2d } from '../onnx/weight-layout.js';

export interface GraphParameter {
  /** Graph input name. */
  name: string;
  /** Graph layout dims. */
  dims: number[];
  /** Checkpoint name; its tensor is the transpose of ours when `transposed`. */
  hfName: string;
  transposed: boolean;
}

export function graphParameters(config: DecoderConfig): GraphParameter[] {
  const H = config.hiddenSize;
  const I = config.intermediateSize;
  const q = config.numAttentionHeads * config.headDim;
  const kv = config.numKeyValueHeads * config.headDim;
  const out: GraphParameter[] = [];
  const plain = (name: string, dims: number[]) => out.push({ name, dims, hfName: name, transposed: false });
  const linear = (name: string, inF: number, outF: number, bias: boolean) => {
    out.push({ name: `${name}.weight`, dims: [inF, outF], hfName: `${name}.weight`, transposed: true });
    if (bias) plain(`${name}.bias`, [outF]);
  };
  if (!config.tieWordEmbeddings) plain('model.embed_tokens.weight', [config.vocabSize, H]);
  for (let l = 0; l < config.numHiddenLayers; l++) {
    const p = layerPrefix(l);
    plain(`${p}.input_layernorm.weight`, [H]);
    linear(`${p}.self_attn.q_proj`, H, q, config.attentionBias);
    linear(`${p}.self_attn.k_proj`, H, kv, config.attentionBias);
    linear(`${p}.self_attn.v_proj`, H, kv, config.attentionBias);
    linear(`${p}.self_attn.o_proj`, q, H, config.attentionOutputBias ?? false);
    plain(`${p}.post_attention_layernorm.weight`, [H]);
    linear(`${p}.mlp.gate_proj`, H, I, config.mlpBias ?? false);
    linear(`${p}.mlp.up_proj`, H, I, config.mlpBias ?? false);
    linear(`${p}.mlp.down_proj`, I, H, config.mlpBias ?? false);
  }
  plain('model.norm.weight', [H]);
  out.push({ name: HEAD_T, dims: [H, config.vocabSize], hfName: config.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight', transposed: true });
  return out;
}

/** Graph layout → checkpoint layout (a copy for transposed weights, the same array otherwise). */
export function toCheckpointLayout(p: GraphParameter, data: Float32Array): Float32Array {
  return p.transposed ? transpose2d(data, p.dims[0]!, p.dims[1]!) : data;
}

/** Checkpoint layout → graph layout. */
export function toGraphLayout(p: GraphParameter, data: Float32Array): Float32Array {
  return p.transposed ? transpose2d(data, p.dims[1]!, p.dims[0]!) : data;
}

/** A float32 tensor of zeros in the parameter's graph layout (gradient buffers, AdamW moments). */
export function zerosFor(p: GraphParameter): Tensor {
  return new Tensor('float32', new Float32Array(p.dims.reduce((a, b) => a * b, 1)), p.dims);
}

/** Zero tensors for every parameter, by graph name. */
export function zerosForAll(params: readonly GraphParameter[]): Map<string, Tensor> {
  return new Map(params.map((p) => [p.name, zerosFor(p)]));
}
