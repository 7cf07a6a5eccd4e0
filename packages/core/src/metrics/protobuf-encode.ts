/**
 * Just enough protobuf wire-format encoding for TensorBoard events: varints, fixed64 doubles,
 * fixed32 floats and length-delimited fields. Field order follows the caller; proto3 readers
 * accept any order.
 */
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/** Base-128 varint of a non-negative safe integer (division, not bit ops: steps can pass 2^31). */
export function encodeVarint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`protobuf varint needs a non-negative safe integer, got ${value}`);
  }
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

function fieldKey(field: number, wireType: number): Uint8Array {
  return encodeVarint(field * 8 + wireType);
}

export function varintField(field: number, value: number): Uint8Array {
  return concatBytes([fieldKey(field, WIRE_VARINT), encodeVarint(value)]);
}

export function doubleField(field: number, value: number): Uint8Array {
  const payload = new Uint8Array(8);
  new DataView(payload.buffer).setFloat64(0, value, true);
  return concatBytes([fieldKey(field, WIRE_FIXED64), payload]);
}

export function floatField(field: number, value: number): Uint8Array {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setFloat32(0, value, true);
  return concatBytes([fieldKey(field, WIRE_FIXED32), payload]);
}

export function bytesField(field: number, payload: Uint8Array): Uint8Array {
  return concatBytes([fieldKey(field, WIRE_LENGTH_DELIMITED), encodeVarint(payload.length), payload]);
}

export function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, utf8.encode(text));
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
