import { describe, expect, it } from 'vitest';
import { crc32c, maskedCrc32c } from '../../src/metrics/crc32c.js';
import { bigintMask, bitwiseCrc32c } from './tfrecord-reader.js';

const ascii = (text: string) => new TextEncoder().encode(text);
const filled = (length: number, byte: number) => new Uint8Array(length).fill(byte);
const ramp = (length: number) => Uint8Array.from({ length }, (_, i) => i);

// Published CRC-32C check values: the CRC catalogue ("123456789") and RFC 3720 appendix B.4.
const VECTORS: [string, Uint8Array, number][] = [
  ['"123456789"', ascii('123456789'), 0xe3069283],
  ['32 zero bytes', filled(32, 0x00), 0x8a9136aa],
  ['32 0xFF bytes', filled(32, 0xff), 0x62a8ab43],
  ['32 incrementing bytes 00..1F', ramp(32), 0x46dd794e],
  ['32 decrementing bytes 1F..00', ramp(32).reverse(), 0x113fdb5c],
  ['empty input', new Uint8Array(0), 0x00000000],
];

describe('crc32c', () => {
  it.each(VECTORS)('table implementation matches the published value for %s', (_name, bytes, expected) => {
    expect(crc32c(bytes)).toBe(expected);
  });

  it.each(VECTORS)('the tests’ bit-at-a-time reference also matches for %s', (_name, bytes, expected) => {
    expect(bitwiseCrc32c(bytes)).toBe(expected);
  });

  it('agrees with the bitwise reference on 1000 bytes of every value', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff);
    expect(crc32c(bytes)).toBe(bitwiseCrc32c(bytes));
  });

  it('masks as TFRecord specifies: rotate right 15, add 0xa282ead8 mod 2^32', () => {
    // By hand for "123456789": crc 0xE3069283 rotated right 15 = 0x2507C60D; + 0xA282EAD8 = 0xC78AB0E5.
    expect(maskedCrc32c(ascii('123456789'))).toBe(0xc78ab0e5);
    expect(bigintMask(0xe3069283)).toBe(0xc78ab0e5);
    // 32 0xFF: 0x62A8AB43 rotated = 0x5686C551; + 0xA282EAD8 = 0xF909B029 (carry out dropped).
    expect(maskedCrc32c(filled(32, 0xff))).toBe(0xf909b029);
  });
});
