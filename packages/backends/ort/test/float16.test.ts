import { expect, test } from 'vitest';
import { toFloat16Bits } from '../src/onnx/float16.js';

test('float32 -> float16 bits, hand-checked against IEEE 754 binary16', () => {
  expect(toFloat16Bits(1)).toBe(0x3c00);
  expect(toFloat16Bits(-2)).toBe(0xc000);
  expect(toFloat16Bits(0.5)).toBe(0x3800);
  expect(toFloat16Bits(65504)).toBe(0x7bff); // largest finite half
  expect(toFloat16Bits(65520)).toBe(0x7c00); // rounds up to infinity
  expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
  expect(toFloat16Bits(2 ** -26)).toBe(0x0000); // below half the smallest subnormal
  expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even
  expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (up)
  expect(toFloat16Bits(Number.NaN) & 0x7c00).toBe(0x7c00);
  expect(toFloat16Bits(-0)).toBe(0x8000);
});
