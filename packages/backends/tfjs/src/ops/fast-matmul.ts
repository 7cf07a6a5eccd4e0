/**
 * matMul shaped for the wasm backend's fast path. There, only a plain (untransposed) matmul
 * with a batch of one goes through XNNPACK; measured on this machine (bench/): 512³ plain
 * 43 GFLOP/s, transposeB 3.6, transposeA 1.4, and a [8, 256, 64]×[8, 64, 256] batched matmul
 * 3.1. tfjs' built-in matMul gradient uses the transposed variants, so here the backward pass
 * transposes explicitly (O(n²) memory work) and then runs plain matMuls (O(n³) work), and a
 * batched matmul with sizeable matrices runs as a loop of 2-D ones.
 */
import * as tf from '@tensorflow/tfjs';

function swapLastTwo(x: tf.Tensor): tf.Tensor {
  const rank = x.rank;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return tf.transpose(x, perm);
}

/** Sum a broadcast gradient back to the operand's batch shape. */
function reduceToShape(grad: tf.Tensor, shape: number[]): tf.Tensor {
  if (grad.rank === shape.length && grad.shape.every((d, i) => d === shape[i])) return grad;
  const lead = grad.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < grad.rank - 2; i++) {
    if (i < lead || shape[i - lead] === 1) axes.push(i);
  }
  return tf.reshape(tf.sum(grad, axes), shape);
}

/**
 * Below this many multiply-adds per matrix the per-op overhead of a loop outweighs XNNPACK.
 * Both costs grow linearly with the batch, so the batch size does not move the crossover:
 * measured at batch 128, the loop is 0.45× as fast at 16k MACs, 1.2× at 32k, 3.2× at 333k.
 */
const SPLIT_MIN_MACS = 1 << 15;

/** Plain matmul; batched operands (equal batch shapes) become a loop of 2-D matmuls when worth it. */
function plainMatMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (a.rank === 2 && b.rank === 2) return tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape[b.rank - 1]!;
  const batchShape = a.shape.slice(0, -2);
  const batch = batchShape.reduce((x, y) => x * y, 1);
  const sameBatch = b.rank === a.rank && b.shape.slice(0, -2).every((d, i) => d === batchShape[i]);
  if (!sameBatch || batch === 1 || m * k * n < SPLIT_MIN_MACS) {
    return tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D);
  }
  // tf.slice, not tf.unstack: wasm's Unpack copies the whole operand once per piece.
  const a3 = tf.reshape(a, [batch, m, k]);
  const b3 = tf.reshape(b, [batch, k, n]);
  const products = Array.from({ length: batch }, (_, i) =>
    tf.matMul(tf.reshape(tf.slice(a3, [i, 0, 0], [1, m, k]), [m, k]) as tf.Tensor2D, tf.reshape(tf.slice(b3, [i, 0, 0], [1, k, n]), [k, n]) as tf.Tensor2D),
  );
  return tf.reshape(tf.stack(products), [...batchShape, m, n]);
}

const batchedMatMul = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: plainMatMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      const da = reduceToShape(plainMatMul(dy, swapLastTwo(sb)), sa.shape);
      const db = reduceToShape(plainMatMul(swapLastTwo(sa), dy), sb.shape);
      return [da, db];
    },
  };
});

/** a @ b over the last two axes (batch axes broadcast), with a wasm-friendly gradient. */
export function matMulFast(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return batchedMatMul(a, b);
}

/** x[..., in] @ w[in, out] (+ bias), flattening leading axes so the matmul is 2-D. */
export function linear(x: tf.Tensor, w: tf.Tensor, bias?: tf.Tensor): tf.Tensor {
  const inDim = x.shape[x.rank - 1]!;
  const outDim = w.shape[1]!;
  const flat = tf.reshape(x, [-1, inDim]);
  let y = matMulFast(flat, w);
  if (bias) y = tf.add(y, bias);
  return tf.reshape(y, [...x.shape.slice(0, -1), outDim]);
}
