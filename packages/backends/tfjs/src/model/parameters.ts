/**
 * The model's trainable variables, keyed by their Hugging Face names. Linear weights are kept
 * transposed to [in, out] (HF stores [out, in]) because the plain wasm matMul is the fast one;
 * `toHuggingFaceTensors` transposes them back when saving.
 */
import * as tf from '@tensorflow/tfjs';
import { checkModelWeights, modelWeightShapes, type ModelConfig, type NamedTensor } from '@prompt-aug/core/model';

export type ModelParameters = Map<string, tf.Variable>;

/** What the model math reads: the variables, or stand-ins for them (activation checkpointing). */
export type ParameterLookup = ReadonlyMap<string, tf.Tensor>;

/** HF names stored transposed: every Linear weight ([out, in] in the checkpoint). */
export function isStoredTransposed(name: string): boolean {
  return name === 'lm_head.weight' || /_proj\.weight$/.test(name);
}

function transpose2d(t: NamedTensor): Float32Array {
  const [rows, cols] = t.shape as [number, number];
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.data[r * cols + c]!;
  return out;
}

/** Creates tf variables from checkpoint tensors (core refuses missing or misshapen weights by name). */
export function createParameters(config: ModelConfig, weights: Map<string, NamedTensor>, source: string): ModelParameters {
  checkModelWeights(config, weights, source);
  const params: ModelParameters = new Map();
  for (const name of modelWeightShapes(config).keys()) {
    const t = weights.get(name)!;
    const value = fromHuggingFaceTensor(name, t);
    params.set(name, tf.variable(value, true)); // tfjs variable names are process-global; the map holds ours
    value.dispose();
  }
  return params;
}

/** Reads a variable (or any same-layout tensor) back into checkpoint layout. */
export function toHuggingFaceTensor(name: string, t: tf.Tensor): NamedTensor {
  const data = t.dataSync() as Float32Array;
  if (!isStoredTransposed(name)) return { shape: [...t.shape], data: Float32Array.from(data) };
  const [rows, cols] = t.shape as [number, number];
  return { shape: [cols, rows], data: transpose2d({ shape: [rows, cols], data }) };
}

export function toHuggingFaceTensors(tensors: Map<string, tf.Tensor>): Map<string, NamedTensor> {
  const out = new Map<string, NamedTensor>();
  for (const [name, t] of tensors) out.set(name, toHuggingFaceTensor(name, t));
  return out;
}

/** Inverse of toHuggingFaceTensor for state that shares the parameters' layout (optimizer moments). */
export function fromHuggingFaceTensor(name: string, t: NamedTensor): tf.Tensor {
  return isStoredTransposed(name) ? tf.tensor(transpose2d(t), [t.shape[1]!, t.shape[0]!]) : tf.tensor(t.data, t.shape);
}

export function countParameters(params: ModelParameters): number {
  let n = 0;
  for (const v of params.values()) n += v.size;
  return n;
}
