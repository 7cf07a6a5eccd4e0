/**
 * float32 -> IEEE half conversion (round to nearest even), for `--dtype fp16` exports.
 * Node 20 has no Float16Array, so the bits are computed by hand.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // inf / nan
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow -> signed zero
    mant |= 0x800000; // make the implicit bit explicit, then shift into a subnormal
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let sub = mant >>> shift;
    if (rest > half || (rest === half && (sub & 1))) sub++;
    return sign | sub;
  }
  const rest = mant & 0x1fff;
  let bits = (e << 10) | (mant >>> 13);
  if (rest > 0x1000 || (rest === 0x1000 && (bits & 1))) bits++; // may carry into the exponent: still correct
  return sign | bits;
}

export function float32ToFloat16(data: Float32Array): Uint16Array {
  const out = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = toFloat16Bits(data[i]!);
  return out;
}
