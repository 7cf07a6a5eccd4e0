import * as tf from '@tensorflow/tfjs';

/** RMSNorm as in HF Qwen2/Llama: x · rsqrt(mean(x²) + eps) · weight, in float32. */
export function rmsNorm(x: tf.Tensor, weight: tf.Tensor, eps: number): tf.Tensor {
  const variance = tf.mean(tf.square(x), -1, true);
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(variance, eps))), weight);
}
