// Best-of timing for a shared machine: every batch size `repeats` times in two passes over the
// list (the second reversed), so one slow spell (e.g. the GC after updateWeights) cannot decide a
// figure; the least disturbed run is kept per batch.

/**
 * @param {number[]} batches
 * @param {number} repeats
 * @param {(batch: number) => Promise<{ prefill: number, decode: number, tokens: number[][] }>} run seconds per phase
 * @returns {Promise<Map<number, { prefill: number, decode: number, tokens: number[][] | null }>>}
 */
export async function bestOfTwoPasses(batches, repeats, run) {
  const best = new Map(batches.map((b) => [b, { prefill: Infinity, decode: Infinity, tokens: null }]));
  for (const batch of [...batches, ...batches.slice().reverse()]) {
    for (let r = 0; r < repeats; r++) {
      const out = await run(batch);
      const b = best.get(batch);
      best.set(batch, { prefill: Math.min(b.prefill, out.prefill), decode: Math.min(b.decode, out.decode), tokens: out.tokens });
    }
  }
  return best;
}
