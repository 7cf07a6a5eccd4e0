/**
 * The clipped policy-gradient loss of paper.md §3 (verl `compute_policy_loss_vanilla`) for
 * one micro-batch, plus optional KL-to-reference and entropy terms, weighted per token by
 * `aggregationWeights` computed over the whole step.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossConfig } from '@prompt-aug/plugin-api';

export interface LossInputs {
  /** Current-policy log-probs and entropy [B, R] (differentiable). */
  logprobs: tf.Tensor;
  entropy: tf.Tensor;
  oldLogprobs: tf.Tensor;
  /** [B, 1] */
  advantages: tf.Tensor;
  mask: tf.Tensor;
  weights: tf.Tensor;
  refLogprobs?: tf.Tensor;
  /** Constant per-token importance weights [B, R] on the policy-gradient term (TIS/MIS). */
  tokenWeights?: tf.Tensor;
}

export interface LossParts {
  loss: tf.Scalar;
  /** Sums over this micro-batch's response tokens (divide by the step's token count). */
  clippedTokens: tf.Scalar;
  dualClippedTokens: tf.Scalar;
  klSum: tf.Scalar;
  entropySum: tf.Scalar;
}

/** Per-token KL estimate between the current policy (logp) and the reference (ref). */
export function klPenalty(logp: tf.Tensor, ref: tf.Tensor, estimator: LossConfig['klEstimator']): tf.Tensor {
  switch (estimator) {
    case 'k1':
      return tf.sub(logp, ref);
    case 'k2':
      return tf.mul(0.5, tf.square(tf.sub(logp, ref)));
    case 'low-var-kl': {
      // k3 = exp(ref − logp) − (ref − logp) − 1, clamped to ±10 as in verl.
      const d = tf.clipByValue(tf.sub(ref, logp), -20, 20);
      return tf.clipByValue(tf.sub(tf.sub(tf.exp(d), d), 1), -10, 10);
    }
  }
}

export function policyLoss(x: LossInputs, config: LossConfig): LossParts {
  const logRatio = tf.clipByValue(tf.sub(x.logprobs, x.oldLogprobs), -20, 20);
  const ratio = tf.exp(logRatio);
  const negA = tf.neg(x.advantages);
  const unclipped = tf.mul(negA, ratio);
  const clipped = tf.mul(negA, tf.clipByValue(ratio, 1 - config.clipLow, 1 + config.clipHigh));
  let pg = tf.maximum(unclipped, clipped);
  const clipActive = tf.cast(tf.greater(clipped, unclipped), 'float32');
  let dualActive = tf.zerosLike(pg);
  if (config.dualClip !== null) {
    const floor = tf.mul(negA, config.dualClip);
    const negative = tf.less(x.advantages, 0);
    dualActive = tf.mul(tf.cast(tf.greater(pg, floor), 'float32'), tf.cast(negative, 'float32'));
    pg = tf.where(tf.broadcastTo(negative, pg.shape), tf.minimum(pg, floor), pg);
  }
  // Importance weights scale the policy-gradient term only (verl's rollout_is), not KL or entropy.
  if (x.tokenWeights) pg = tf.mul(pg, x.tokenWeights);
  let perToken = pg;
  if (config.klCoef !== 0) {
    if (!x.refLogprobs) throw new Error('policyLoss: klCoef > 0 needs refLogprobs');
    perToken = tf.add(perToken, tf.mul(config.klCoef, klPenalty(x.logprobs, x.refLogprobs, config.klEstimator)));
  }
  if (config.entropyCoef !== 0) perToken = tf.sub(perToken, tf.mul(config.entropyCoef, x.entropy));
  return {
    loss: tf.sum(tf.mul(perToken, x.weights)),
    clippedTokens: tf.sum(tf.mul(clipActive, x.mask)),
    dualClippedTokens: tf.sum(tf.mul(dualActive, x.mask)),
    klSum: tf.sum(tf.mul(tf.neg(logRatio), x.mask)),
    entropySum: tf.sum(tf.mul(x.entropy, x.mask)),
  };
}
