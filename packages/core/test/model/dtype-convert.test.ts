import { describe, expect, it } from 'vitest';
import { bf16ToF32, f32ToBf16 } from '../../src/model/dtype-convert.js';
import { f16ToF32, f32ToF16 } from '../../src/model/index.js';

const floatFromBits = (bits: number[]) => new Float32Array(new Uint32Array(bits).buffer);
const bitsOfFloats = (values: Float32Array) => [...new Uint32Array(values.buffer, values.byteOffset, values.length)];

describe('bf16', () => {
  it('widens known bit patterns exactly', () => {
    const out = bf16ToF32(new Uint16Array([0x3f80, 0xc000, 0x0000, 0x8000, 0x7f80, 0xff80, 0x0001, 0x3e80]));
    expect([...out.slice(0, 6)]).toEqual([1, -2, 0, -0, Infinity, -Infinity]);
    expect(out[6]).toBe(2 ** -133); // smallest bf16 subnormal
    expect(out[7]).toBe(0.25);
    expect(Number.isNaN(bf16ToF32(new Uint16Array([0x7fc0]))[0])).toBe(true);
  });

  it('narrows with round-to-nearest-even and keeps NaN a NaN', () => {
    const input = floatFromBits([
      0x3f800000, // 1.0 → 0x3f80
      0x3f808000, // exactly halfway 0x3f80/0x3f81 → even 0x3f80
      0x3f818000, // halfway 0x3f81/0x3f82 → even 0x3f82
      0x3f808001, // just above halfway → 0x3f81
      0x3f807fff, // just below halfway → 0x3f80
      0x7f7fffff, // max float rounds up into Inf, as torch does
      0x7f800001, // a NaN whose payload sits in the dropped bits: must not become Inf
      0xffc00000, // negative quiet NaN
    ]);
    expect([...f32ToBf16(input)]).toEqual([0x3f80, 0x3f80, 0x3f82, 0x3f81, 0x3f80, 0x7f80, 0x7fc0, 0xffc0]);
  });

  it('round-trips every non-NaN bf16 pattern', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const back = f32ToBf16(bf16ToF32(all));
    const wrong = all.filter((i) => (i & 0x7fff) <= 0x7f80 && back[i] !== i);
    expect([...wrong]).toEqual([]);
  });
});

describe('f16', () => {
  it('decodes normals, subnormals, the max, signed zero, Inf and NaN', () => {
    const out = f16ToF32(new Uint16Array([0x3c00, 0x7bff, 0x0001, 0x03ff, 0x0400, 0x8000, 0x7c00, 0xfc00, 0xc000, 0x3555]));
    expect([...out]).toEqual([
      1, 65504, 2 ** -24, 1023 * 2 ** -24, 2 ** -14, -0, Infinity, -Infinity, -2,
      Math.fround(0.333251953125),
    ]);
    expect(Number.isNaN(f16ToF32(new Uint16Array([0x7e00]))[0])).toBe(true);
    expect(Number.isNaN(f16ToF32(new Uint16Array([0xfc01]))[0])).toBe(true);
  });

  it('encodes like numpy astype(float16) (values computed with numpy)', () => {
    const input = floatFromBits([
      0x3dcccccd, 0xbeaaaaaa, 0x40490fdb, 0x3727c5ac, 0x3380d959, 0x33000000,
      0x477fef00, 0x477ff000, 0xc788b800, 0x3a83126f, 0x42f6e979, 0x387fc000, 0x33c00000,
    ]);
    expect([...f32ToF16(input)]).toEqual([
      0x2e66, 0xb555, 0x4248, 0x00a8, 0x0001, 0x0000, 0x7bff, 0x7c00, 0xfc00, 0x1419, 0x57b7, 0x03ff, 0x0002,
    ]);
  });

  it('rounds ties to even, including the carry from the largest subnormal into the smallest normal', () => {
    const input = new Float32Array([1 + 2 ** -11, 1 + 3 * 2 ** -11, 1023.5 * 2 ** -24, 2 ** -25, 3 * 2 ** -25, 65519, -0]);
    expect([...f32ToF16(input)]).toEqual([0x3c00, 0x3c02, 0x0400, 0x0000, 0x0002, 0x7bff, 0x8000]);
    const nan = f32ToF16(floatFromBits([0x7f800001, 0x7fc00000]));
    expect([...nan].every((h) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0)).toBe(true);
  });

  it('round-trips every non-NaN f16 pattern', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const back = f32ToF16(f16ToF32(all));
    const wrong = all.filter((i) => (i & 0x7fff) <= 0x7c00 && back[i] !== i);
    expect([...wrong]).toEqual([]);
    expect(bitsOfFloats(f16ToF32(new Uint16Array([0x3c00])))).toEqual([0x3f800000]);
  });
});
