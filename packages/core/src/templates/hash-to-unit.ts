/**
 * Stateless randomness for template picking: a hash of integer keys (seed, epoch, prompt, …)
 * to a uniform float. No generator state means a resumed run picks exactly the templates
 * the interrupted run would have picked, whatever order prompts are visited in.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * Uniform float in [0, 1) from safe integers. Two independently seeded lanes each fold every
 * 32-bit half of every key; 27 + 26 of their bits make the 53-bit mantissa.
 */
export function hashToUnit(keys: readonly number[]): number {
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  for (const key of keys) {
    for (const word of [key >>> 0, Math.floor(key / TWO_POW_32) >>> 0]) {
      a = fmix32((a ^ word) + 0x9e3779b9);
      b = fmix32(Math.imul(b ^ word, 0xcc9e2d51) + 0x6b43a9b5);
    }
  }
  // Cross the lanes once so each output bit depends on both.
  b = fmix32(b ^ a);
  return ((a >>> 5) * TWO_POW_26 + (b >>> 6)) / TWO_POW_53;
}
