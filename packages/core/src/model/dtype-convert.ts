/**
 * Conversions between float32 and the two 16-bit float formats found in checkpoints.
 * bf16 is the top half of a float32, so widening is a shift; f16 has its own exponent bias
 * (15) and needs a real decoder, including subnormals, infinities and NaN.
 */

/** bf16 → f32 is exact: the bf16 bits become the high 16 bits of the float32. */
export function bf16ToF32(bits: Uint16Array): Float32Array {
  const out = new Uint32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = bits[i]! << 16;
  return new Float32Array(out.buffer);
}

/** f32 → bf16 with round-to-nearest-even; NaN stays a quiet NaN instead of rounding into Inf. */
export function f32ToBf16(values: Float32Array): Uint16Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < words.length; i++) {
    const x = words[i]!;
    if ((x & 0x7fffffff) > 0x7f800000) out[i] = (x >>> 16) | 0x0040;
    else out[i] = (x + 0x7fff + ((x >>> 16) & 1)) >>> 16;
  }
  return out;
}

/** IEEE half → float32, exact for every one of the 65536 bit patterns. */
export function f16ToF32(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = halfBitsToNumber(bits[i]!);
  return out;
}

export function halfBitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >>> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24; // zero and subnormals
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** float32 → IEEE half with round-to-nearest-even; overflow becomes ±Inf, tiny values subnormal or ±0. */
export function f32ToF16(values: Float32Array): Uint16Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < words.length; i++) out[i] = floatBitsToHalfBits(words[i]!);
  return out;
}

export function floatBitsToHalfBits(x: number): number {
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Inf / quiet NaN
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00; // too big for half
  if (halfExponent <= 0) {
    // Subnormal half (or zero): shift the full significand (with its hidden 1) into place.
    if (halfExponent < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShiftEven(significand, shift);
  }
  // Normal: keep 10 mantissa bits; a carry out of the mantissa correctly bumps the exponent.
  return sign | ((halfExponent << 10) + roundShiftEven(mantissa, 13));
}

/** value >> shift, rounded to nearest with ties to even. */
function roundShiftEven(value: number, shift: number): number {
  const kept = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (remainder > half || (remainder === half && (kept & 1) === 1)) return kept + 1;
  return kept;
}
