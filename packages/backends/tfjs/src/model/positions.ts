/**
 * Position ids and attention bias for left-padded batches, following Hugging Face:
 * position = cumsum(mask) − 1 (clamped at 0 on the pads), and a query may attend to a key
 * when the key is real and not in its future. Masked scores get a large negative bias
 * rather than −Infinity so a pad query (no visible key) yields a finite uniform row.
 */
export const MASKED_SCORE = -1e9;

/** positions[b][t] for a [B][T] mask, continuing from `offset[b]` real tokens already seen. */
export function positionIds(mask: number[][], offset?: number[]): number[][] {
  return mask.map((row, b) => {
    let seen = offset?.[b] ?? 0;
    return row.map((m) => {
      seen += m;
      return Math.max(seen - 1, 0);
    });
  });
}

/**
 * Additive bias [B, 1, Tq, S] for queries that are the last Tq of S key slots.
 * `keyMask` is [B][S] (1 = real key).
 */
export function attentionBias(keyMask: number[][], queryCount: number): Float32Array {
  const batch = keyMask.length;
  const keys = keyMask[0]?.length ?? 0;
  const out = new Float32Array(batch * queryCount * keys);
  for (let b = 0; b < batch; b++) {
    const row = keyMask[b]!;
    for (let q = 0; q < queryCount; q++) {
      const absolute = keys - queryCount + q;
      const base = (b * queryCount + q) * keys;
      for (let s = 0; s < keys; s++) out[base + s] = s <= absolute && row[s] === 1 ? 0 : MASKED_SCORE;
    }
  }
  return out;
}
