/**
 * Global-norm gradient clipping as torch.nn.utils.clip_grad_norm_: the total 2-norm over all
 * gradients; when it exceeds max_norm every gradient is scaled by max_norm / (norm + 1e-6).
 */
import * as tf from '@tensorflow/tfjs';

export function globalGradNorm(grads: Map<string, tf.Tensor>): number {
  return tf.tidy(() => {
    const squares = [...grads.values()].map((g) => tf.sum(tf.square(g)));
    return Math.sqrt(tf.addN(squares).dataSync()[0]!);
  });
}

/** Scales the gradients in place (replacing the map's tensors) when the norm exceeds maxNorm. */
export function clipGradients(grads: Map<string, tf.Tensor>, norm: number, maxNorm: number): void {
  const coef = maxNorm / (norm + 1e-6);
  if (!(coef < 1)) return;
  for (const [name, g] of grads) {
    grads.set(name, tf.mul(g, coef));
    g.dispose();
  }
}
