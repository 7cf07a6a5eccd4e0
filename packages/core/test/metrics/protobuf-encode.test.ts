import { describe, expect, it } from 'vitest';
import { bytesField, encodeVarint, floatField, stringField } from '../../src/metrics/protobuf-encode.js';
import { encodeFileVersionEvent, encodeScalarsEvent, encodeSessionStartEvent } from '../../src/metrics/tensorboard-event.js';
import { frameTfRecord } from '../../src/metrics/tfrecord-frame.js';
import { bigintMask, bitwiseCrc32c } from './tfrecord-reader.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ascii = (text: string) => Buffer.from(text, 'ascii').toString('hex');

describe('protobuf encoding (bytes written out by hand)', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'], // the protobuf docs' example
    [2 ** 32, '8080808010'], // past 32 bits: no bitwise-op truncation
    [Number.MAX_SAFE_INTEGER, 'ffffffffffffff0f'], // 53 one-bits: seven 0xff groups, then 0b1111
  ])('varint %d is %s', (value, expected) => {
    expect(hex(encodeVarint(value))).toBe(expected);
  });

  it('refuses negative or fractional varints (int64 steps are never negative here)', () => {
    expect(() => encodeVarint(-1)).toThrow(RangeError);
    expect(() => encodeVarint(1.5)).toThrow(RangeError);
  });

  it('encodes fixed32 floats and length-delimited fields', () => {
    // field 2, wire type 5 → key 0x15; float32(0.1) = 0x3DCCCCCD little-endian
    expect(hex(floatField(2, 0.1))).toBe('15cdcccc3d');
    // field 1, wire type 2 → key 0x0a; length 3
    expect(hex(stringField(1, 'abc'))).toBe('0a03' + ascii('abc'));
    expect(hex(bytesField(6, Uint8Array.of(8, 1)))).toBe('32020801');
  });
});

describe('tensorflow.Event encoding (bytes written out by hand)', () => {
  // double 1.5 = 0x3FF8000000000000 → little-endian 00 00 00 00 00 00 f8 3f
  const wallTime = '09' + '000000000000f83f';

  it('file_version event: wall_time (field 1) + file_version (field 3) = "brain.Event:2"', () => {
    expect(hex(encodeFileVersionEvent(1.5))).toBe(wallTime + '1a0d' + ascii('brain.Event:2'));
  });

  it('scalars event: step (field 2) and summary (field 5) of Value { tag, simple_value }', () => {
    const event = encodeScalarsEvent(1.5, 300, new Map([['a', 0.5]]));
    // Value = 0a 01 'a' | 15 0000003f (float 0.5)  → 8 bytes; Summary = 0a 08 <Value> → 10 bytes
    expect(hex(event)).toBe(wallTime + '10ac02' + '2a0a' + '0a08' + '0a0161' + '150000003f');
  });

  it('session START event: session_log (field 6) with status (field 1) = 1', () => {
    expect(hex(encodeSessionStartEvent(1.5, 301))).toBe(wallTime + '10ad02' + '32020801');
  });
});

describe('TFRecord framing', () => {
  it('is uint64 LE length, masked CRC of the length, data, masked CRC of the data', () => {
    const data = new TextEncoder().encode('123456789');
    const record = frameTfRecord(data);
    expect(record.length).toBe(8 + 4 + 9 + 4);
    expect(hex(record.subarray(0, 8))).toBe('0900000000000000');
    const view = new DataView(record.buffer);
    expect(view.getUint32(8, true)).toBe(bigintMask(bitwiseCrc32c(record.subarray(0, 8))));
    expect(hex(record.subarray(12, 21))).toBe(hex(data));
    // masked CRC-32C of "123456789", worked out by hand in crc32c.test.ts
    expect(view.getUint32(21, true)).toBe(0xc78ab0e5);
  });
});
