/**
 * The seed of one sample's random stream: a hash of the base seed, the benchmark, the question
 * id, the run and the sample index. Nothing about the batch enters it, so any split of the work
 * into batches (another --batch-size, or a resume after a kill mid-batch) draws the same text.
 */
export function sampleSeed(seed: number, key: { benchmark: string; id: string; run: number; sample: number }): number {
  // FNV-1a over the UTF-8 bytes of the key, then a murmur3 finalizer to spread the low bits.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const byte of Buffer.from(`${key.benchmark}\u0000${key.id}\u0000${key.run}\u0000${key.sample}`, 'utf8')) {
    h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
