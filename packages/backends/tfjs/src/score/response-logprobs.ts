/**
 * Log-probs and entropy of response tokens in the RL layout: prompts left-padded, responses
 * right-padded, concatenated into one sequence. The logits at position P−1+j predict response
 * token j, so only those R positions go through the lm head.
 */
import * as tf from '@tensorflow/tfjs';
import { lmHeadLogits, outputProjection } from '../model/decoder.js';
import { hiddenStates, type Model } from '../model/forward.js';

export interface ResponseBatch {
  promptIds: number[][];
  promptMask: number[][];
  responseIds: number[][];
  responseMask: number[][];
}

export interface ResponseTokenStats {
  /** [B, R]; 0 where the response mask is 0. */
  logprobs: tf.Tensor2D;
  /** [B, R] entropy −Σ p log p; 0 where the response mask is 0. */
  entropy: tf.Tensor2D;
}

/** Hidden states [B, R, H] at the positions that predict the response tokens (differentiable). */
export function predictingHidden(model: Model, batch: ResponseBatch, options: { checkpointLayers?: boolean } = {}): tf.Tensor {
  const B = batch.promptIds.length;
  const P = batch.promptIds[0]?.length ?? 0;
  const R = batch.responseIds[0]?.length ?? 0;
  if (P < 1) throw new Error('responseTokenStats: every row needs at least one prompt slot');
  const ids = batch.promptIds.map((p, b) => [...p, ...batch.responseIds[b]!]);
  const mask = batch.promptMask.map((p, b) => [...p, ...batch.responseMask[b]!]);
  const { hidden } = hiddenStates(model, ids, mask, options);
  return tf.slice(hidden, [0, P - 1, 0], [B, R, hidden.shape[2]!]);
}

/** Log-probs and entropy from predicting hidden states [B, r, H] and the r response tokens they predict. */
export function statsFromHidden(
  predicting: tf.Tensor,
  responseIds: number[][],
  responseMask: number[][],
  vocabSize: number,
  projection: tf.Tensor,
  temperature: number,
): ResponseTokenStats {
  const [B, R] = predicting.shape as [number, number, number];
  const logits = lmHeadLogits(predicting, projection);
  const scaled = temperature === 1 ? logits : tf.div(logits, temperature);
  const logProbs = tf.logSoftmax(scaled);
  const targets = tf.oneHot(tf.tensor2d(responseIds.flat(), [B, R], 'int32'), vocabSize);
  const mask = tf.tensor2d(responseMask.flat(), [B, R]);
  const picked = tf.sum(tf.mul(logProbs, targets), -1);
  const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logProbs), logProbs), -1));
  return { logprobs: tf.mul(picked, mask) as tf.Tensor2D, entropy: tf.mul(entropy, mask) as tf.Tensor2D };
}

/** Differentiable; call inside tf.tidy / variableGrads. */
export function responseTokenStats(
  model: Model,
  batch: ResponseBatch,
  temperature = 1,
  projection?: tf.Tensor,
  options: { checkpointLayers?: boolean } = {},
): ResponseTokenStats {
  const predicting = predictingHidden(model, batch, options);
  const head = projection ?? outputProjection(model.config, model.params);
  return statsFromHidden(predicting, batch.responseIds, batch.responseMask, model.config.vocabSize, head, temperature);
}
