/**
 * Reads Hugging Face weights by name and converts them to the layout the graph uses.
 * Linear weights are transposed to [in, out] so MatMul needs no Transpose node (ORT
 * pre-packs constant MatMul operands once at session start).
 */
import { UserError } from '@prompt-aug/core';
import type { DecoderConfig, WeightMap } from './decoder-config.js';

export function requireWeight(weights: WeightMap, name: string, shape: number[]): Float32Array {
  const tensor = weights.get(name);
  if (!tensor) {
    throw new UserError(
      `The checkpoint has no weight named "${name}". The ONNX builder reads Qwen2/Llama checkpoints with Hugging Face weight names; check that the model folder is one of those architectures and that its safetensors files are complete.`,
      'PA_ORT_MISSING_WEIGHT',
    );
  }
  if (tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i])) {
    throw new UserError(
      `Weight "${name}" has shape [${tensor.shape.join(', ')}] but config.json implies [${shape.join(', ')}]. The config and the weights disagree; re-download the checkpoint or fix config.json.`,
      'PA_ORT_WEIGHT_SHAPE',
    );
  }
  return tensor.data;
}

/** [out, in] row-major -> [in, out] row-major. */
export function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  const block = 64; // cache-friendly tiles: a naive transpose of a 150k x 900 matrix is several times slower
  for (let r0 = 0; r0 < rows; r0 += block) {
    for (let c0 = 0; c0 < cols; c0 += block) {
      const rEnd = Math.min(r0 + block, rows);
      const cEnd = Math.min(c0 + block, cols);
      for (let r = r0; r < rEnd; r++) {
        for (let c = c0; c < cEnd; c++) out[c * rows + r] = data[r * cols + c]!;
      }
    }
  }
  return out;
}

/** A Linear weight as the graph wants it: [in, out]. */
export function linearWeight(weights: WeightMap, name: string, outFeatures: number, inFeatures: number): Float32Array {
  return transpose2d(requireWeight(weights, name, [outFeatures, inFeatures]), outFeatures, inFeatures);
}

export function layerPrefix(layer: number): string {
  return `model.layers.${layer}`;
}

/** The output projection [V, H]: lm_head, or the embedding when the two are tied. */
export function headWeight(config: DecoderConfig, weights: WeightMap): Float32Array {
  const name = config.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight';
  return requireWeight(weights, name, [config.vocabSize, config.hiddenSize]);
}
