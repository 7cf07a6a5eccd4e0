/**
 * An independent TFRecord + protobuf reader for the tests: it shares no code with src/metrics.
 * CRC-32C here is the bit-at-a-time definition (no table) and the mask uses BigInt, so a bug
 * in the writer's table or bit twiddling cannot cancel itself out.
 */
import { readFileSync } from 'node:fs';

export function bitwiseCrc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function bigintMask(crc: number): number {
  const c = BigInt(crc);
  const rotated = ((c >> 15n) | (c << 17n)) & 0xffffffffn;
  return Number((rotated + 0xa282ead8n) & 0xffffffffn);
}

export interface DecodedRecord {
  data: Uint8Array;
  lengthCrcOk: boolean;
  dataCrcOk: boolean;
}

export function readTfRecords(file: string): DecodedRecord[] {
  const bytes = new Uint8Array(readFileSync(file));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: DecodedRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error(`torn record header at byte ${offset}`);
    const length = Number(view.getBigUint64(offset, true));
    const lengthCrcOk = view.getUint32(offset + 8, true) === bigintMask(bitwiseCrc32c(bytes.subarray(offset, offset + 8)));
    const data = bytes.subarray(offset + 12, offset + 12 + length);
    if (offset + 16 + length > bytes.length) throw new Error(`torn record body at byte ${offset}`);
    const dataCrcOk = view.getUint32(offset + 12 + length, true) === bigintMask(bitwiseCrc32c(data));
    records.push({ data, lengthCrcOk, dataCrcOk });
    offset += 16 + length;
  }
  return records;
}

/** A protobuf field: varints as bigint, fixed64/fixed32 as raw bytes, length-delimited as bytes. */
export interface ProtoField {
  field: number;
  wireType: number;
  varint?: bigint;
  bytes?: Uint8Array;
}

export function decodeProto(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('varint runs past the end');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < bytes.length) {
    const key = readVarint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (wireType === 0) fields.push({ field, wireType, varint: readVarint() });
    else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      fields.push({ field, wireType, bytes: bytes.subarray(offset, offset + size) });
      offset += size;
    } else if (wireType === 2) {
      const length = Number(readVarint());
      fields.push({ field, wireType, bytes: bytes.subarray(offset, offset + length) });
      offset += length;
    } else throw new Error(`unexpected wire type ${wireType}`);
  }
  return fields;
}

const littleEndian = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export interface DecodedEvent {
  wallTime?: number;
  step?: number;
  fileVersion?: string;
  scalars?: { tag: string; value: number }[];
  sessionStatus?: number;
}

/** Decode a tensorflow.Event (fields per event.proto / summary.proto). */
export function decodeEvent(data: Uint8Array): DecodedEvent {
  const event: DecodedEvent = {};
  for (const f of decodeProto(data)) {
    if (f.field === 1 && f.wireType === 1) event.wallTime = littleEndian(f.bytes!).getFloat64(0, true);
    else if (f.field === 2 && f.wireType === 0) event.step = Number(f.varint!);
    else if (f.field === 3 && f.wireType === 2) event.fileVersion = new TextDecoder().decode(f.bytes!);
    else if (f.field === 5 && f.wireType === 2) {
      event.scalars = decodeProto(f.bytes!).map((value) => {
        const inner = decodeProto(value.bytes!);
        const tag = inner.find((x) => x.field === 1 && x.wireType === 2)!;
        const simple = inner.find((x) => x.field === 2 && x.wireType === 5)!;
        return { tag: new TextDecoder().decode(tag.bytes!), value: littleEndian(simple.bytes!).getFloat32(0, true) };
      });
    } else if (f.field === 6 && f.wireType === 2) {
      event.sessionStatus = Number(decodeProto(f.bytes!).find((x) => x.field === 1)!.varint!);
    } else throw new Error(`unexpected Event field ${f.field} (wire type ${f.wireType})`);
  }
  return event;
}

export function readEvents(file: string): DecodedEvent[] {
  return readTfRecords(file).map((record) => {
    if (!record.lengthCrcOk || !record.dataCrcOk) throw new Error(`bad CRC in ${file}`);
    return decodeEvent(record.data);
  });
}
