/**
 * Inference-time log-probs that never materialise [B, R, V] logits at once: rows go through
 * the decoder in groups, and the lm head + softmax run over slices of response positions, so
 * the largest logits block stays under a fixed element budget (a 151k vocabulary × 3k
 * response tokens would otherwise need 1.8 GB per sequence).
 */
import * as tf from '@tensorflow/tfjs';
import type { Model } from '../model/forward.js';
import { predictingHidden, statsFromHidden, type ResponseBatch } from './response-logprobs.js';

/** Largest logits block, in elements (2^24 floats = 64 MiB). */
export const LOGITS_BUDGET = 1 << 24;

export function chunkedResponseStats(
  model: Model,
  batch: ResponseBatch,
  temperature: number,
  projection: tf.Tensor,
  budget = LOGITS_BUDGET,
): { logprobs: Float32Array; entropy: Float32Array } {
  const B = batch.promptIds.length;
  const R = batch.responseIds[0]?.length ?? 0;
  const V = model.config.vocabSize;
  const logprobs = new Float32Array(B * R);
  const entropy = new Float32Array(B * R);
  const span = Math.max(1, Math.floor(budget / V)); // positions per lm-head block
  const rowsPerGroup = Math.max(1, Math.min(B, Math.floor(span / Math.max(R, 1)) || 1));
  for (let r0 = 0; r0 < B; r0 += rowsPerGroup) {
    const rows = Array.from({ length: Math.min(rowsPerGroup, B - r0) }, (_, i) => r0 + i);
    const pick = <T>(xs: T[]) => rows.map((r) => xs[r]!);
    const group = { promptIds: pick(batch.promptIds), promptMask: pick(batch.promptMask), responseIds: pick(batch.responseIds), responseMask: pick(batch.responseMask) };
    const hidden = tf.tidy(() => predictingHidden(model, group));
    const cols = Math.max(1, Math.floor(span / rows.length));
    for (let c0 = 0; c0 < R; c0 += cols) {
      const width = Math.min(cols, R - c0);
      const stats = tf.tidy(() => {
        const slice = tf.slice(hidden, [0, c0, 0], [rows.length, width, hidden.shape[2]!]);
        const cut = (xs: number[][]) => xs.map((row) => row.slice(c0, c0 + width));
        const s = statsFromHidden(slice, cut(group.responseIds), cut(group.responseMask), V, projection, temperature);
        return [s.logprobs, s.entropy];
      });
      const [lp, en] = stats.map((t) => t.dataSync());
      tf.dispose(stats);
      rows.forEach((r, i) => {
        for (let j = 0; j < width; j++) {
          logprobs[r * R + c0 + j] = lp![i * width + j]!;
          entropy[r * R + c0 + j] = en![i * width + j]!;
        }
      });
    }
    hidden.dispose();
  }
  return { logprobs, entropy };
}
