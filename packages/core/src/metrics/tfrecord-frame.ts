/**
 * TFRecord framing, the container of TensorBoard event files:
 *   uint64 LE length | uint32 LE masked CRC-32C(length bytes) | data | uint32 LE masked CRC-32C(data)
 * The length has its own CRC so a reader can tell a torn tail from a huge bogus length.
 */
import { maskedCrc32c } from './crc32c.js';

export function frameTfRecord(data: Uint8Array): Uint8Array {
  const record = new Uint8Array(8 + 4 + data.length + 4);
  const view = new DataView(record.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskedCrc32c(record.subarray(0, 8)), true);
  record.set(data, 12);
  view.setUint32(12 + data.length, maskedCrc32c(data), true);
  return record;
}
