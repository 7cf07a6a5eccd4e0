/**
 * Rotary position embedding, Hugging Face convention: inv_freq[i] = θ^(−2i/d),
 * emb = concat(freqs, freqs), x' = x·cos + rotate_half(x)·sin with
 * rotate_half(x) = concat(−x[d/2:], x[:d/2]).
 */
import * as tf from '@tensorflow/tfjs';

export interface RotaryTables {
  /** [B, 1, T, headDim] */
  cos: tf.Tensor4D;
  sin: tf.Tensor4D;
}

export function rotaryTables(positions: number[][], headDim: number, theta: number): RotaryTables {
  const batch = positions.length;
  const steps = positions[0]?.length ?? 0;
  const half = headDim / 2;
  const invFreq = Array.from({ length: half }, (_, i) => 1 / Math.pow(theta, (2 * i) / headDim));
  const cos = new Float32Array(batch * steps * headDim);
  const sin = new Float32Array(batch * steps * headDim);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      const pos = positions[b]![t]!;
      const base = (b * steps + t) * headDim;
      for (let i = 0; i < half; i++) {
        const angle = pos * invFreq[i]!;
        cos[base + i] = cos[base + i + half] = Math.cos(angle);
        sin[base + i] = sin[base + i + half] = Math.sin(angle);
      }
    }
  }
  return { cos: tf.tensor4d(cos, [batch, 1, steps, headDim]), sin: tf.tensor4d(sin, [batch, 1, steps, headDim]) };
}

/** x: [B, heads, T, headDim] */
export function applyRotary(x: tf.Tensor, tables: RotaryTables): tf.Tensor {
  const headDim = x.shape[3]!;
  const half = headDim / 2;
  // Two slices, not tf.split: wasm's SplitV copies the whole input once per piece.
  const [b, h, t] = x.shape as [number, number, number, number];
  const x1 = tf.slice(x, [0, 0, 0, 0], [b, h, t, half]);
  const x2 = tf.slice(x, [0, 0, 0, half], [b, h, t, half]);
  const rotated = tf.concat([tf.neg(x2), x1], 3);
  return tf.add(tf.mul(x, tables.cos), tf.mul(rotated, tables.sin));
}
