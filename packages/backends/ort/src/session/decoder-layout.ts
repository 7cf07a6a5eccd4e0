/**
 * How to drive a decoder graph: which inputs it has, how many layers and KV heads, and which
 * padding convention it expects. Read from the session's input/output metadata, so it also
 * describes exports made by Hugging Face Optimum / transformers.js and ORT GenAI.
 */
import { UserError } from '@prompt-aug/core';
import type { InferenceSession } from 'onnxruntime-node';
import { IO } from '../onnx/decoder-config.js';

export type PaddingSide = 'left' | 'right';

export interface DecoderLayout {
  numLayers: number;
  kvHeads: number;
  headDim: number;
  /** left: HF semantics (mask + explicit positions); right: GroupQueryAttention graphs. */
  padding: PaddingSide;
  hasPositionIds: boolean;
  hasLogitsToKeep: boolean;
  /** Merged exports (decoder_model_merged.onnx) switch between no-cache and cache branches. */
  hasUseCacheBranch: boolean;
}

const PAST_KEY = /^past_key_values\.(\d+)\.key$/;

export function readDecoderLayout(session: InferenceSession, padding: PaddingSide, source: string): DecoderLayout {
  const inputs = new Set(session.inputNames);
  const outputs = new Set(session.outputNames);
  const layers = session.inputNames.filter((n) => PAST_KEY.test(n)).length;
  const missing: string[] = [IO.inputIds, IO.attentionMask].filter((n) => !inputs.has(n));
  if (!outputs.has(IO.logits)) missing.push(`${IO.logits} (output)`);
  for (let i = 0; i < layers; i++) {
    if (!inputs.has(IO.pastValue(i))) missing.push(IO.pastValue(i));
    for (const name of [IO.presentKey(i), IO.presentValue(i)]) if (!outputs.has(name)) missing.push(`${name} (output)`);
  }
  if (layers === 0 || missing.length > 0) {
    throw new UserError(
      `${source} is not a decoder with a KV cache in the Hugging Face / transformers.js layout (inputs input_ids, attention_mask, past_key_values.{i}.key/value; outputs logits, present.{i}.key/value). ` +
        `${layers === 0 ? 'It has no past_key_values inputs' : `Missing: ${missing.join(', ')}`}. Export it with KV cache (optimum-cli export onnx --task text-generation-with-past) or let prompt-aug build the graph from the safetensors checkpoint.`,
      'PA_ORT_BAD_EXPORT',
    );
  }
  const [kvHeads, headDim] = kvShape(session, source);
  return {
    numLayers: layers,
    kvHeads,
    headDim,
    padding,
    hasPositionIds: inputs.has(IO.positionIds),
    hasLogitsToKeep: inputs.has(IO.logitsToKeep),
    hasUseCacheBranch: inputs.has('use_cache_branch'),
  };
}

/** [kvHeads, headDim] from the fixed dims of past_key_values.0.key ([batch, kvHeads, past, headDim]). */
function kvShape(session: InferenceSession, source: string): [number, number] {
  const index = session.inputNames.indexOf(IO.pastKey(0));
  const meta = session.inputMetadata[index];
  if (meta && meta.isTensor) {
    if (meta.type !== 'float32') {
      throw new UserError(
        `${source} keeps its KV cache in ${meta.type}; backend-ort drives float32 caches only. Use a float32 export (or an fp16-weights export from \`exportOnnx(..., { dtype: 'fp16' })\`, which computes in float32).`,
        'PA_ORT_KV_DTYPE',
      );
    }
    const [, heads, , dim] = meta.shape;
    if (typeof heads === 'number' && typeof dim === 'number') return [heads, dim];
  }
  throw new UserError(`${source}: past_key_values.0.key has no fixed [kv_heads, head_dim] dims; re-export it with static head dimensions.`, 'PA_ORT_BAD_EXPORT');
}
