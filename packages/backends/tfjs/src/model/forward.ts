/**
 * Whole-sequence forward passes over token arrays: builds positions, the attention bias and
 * the rotary tables, runs the decoder and (optionally only some positions of) the lm head.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '@prompt-aug/core/model';
import { decoderHidden, lmHeadLogits, outputProjection } from './decoder.js';
import type { ModelParameters } from './parameters.js';
import { attentionBias, positionIds } from './positions.js';
import { rotaryTables } from './rope.js';
import type { LayerCache } from './attention.js';

export interface Model {
  config: ModelConfig;
  params: ModelParameters;
}

/** Hidden states [B, T, H] (and the KV cache) of a left-padded batch. */
export function hiddenStates(
  model: Model,
  inputIds: number[][],
  mask: number[][],
  options: { checkpointLayers?: boolean } = {},
): { hidden: tf.Tensor; cache: LayerCache[] } {
  const batch = inputIds.length;
  const steps = inputIds[0]?.length ?? 0;
  const ids = tf.tensor2d(inputIds.flat(), [batch, steps], 'int32');
  const rotary = rotaryTables(positionIds(mask), model.config.headDim, model.config.ropeTheta);
  const bias = tf.tensor4d(attentionBias(mask, steps), [batch, 1, steps, steps]);
  return decoderHidden(model.config, model.params, ids, { rotary, bias }, undefined, options);
}

/** Logits [B, T, V] of a left-padded batch (call inside tf.tidy). */
export function forwardLogits(model: Model, inputIds: number[][], mask: number[][], projection?: tf.Tensor): tf.Tensor {
  const { hidden } = hiddenStates(model, inputIds, mask);
  return lmHeadLogits(hidden, projection ?? outputProjection(model.config, model.params));
}
