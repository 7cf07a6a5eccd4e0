/**
 * Appends tensor bytes to one external data file and hands back the TensorProto fields that
 * point at them. Weights live outside the protobuf because protobuf messages are capped at
 * 2 GB, and because ORT can then read them straight from disk.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { DataType, onnx, type TensorProto } from './proto.js';

/** Large tensors start on a page boundary so ORT may memory-map them. */
const PAGE = 4096;
const SMALL_ALIGN = 64;

export class ExternalDataWriter {
  private readonly fd: number;
  private readonly tempPath: string;
  private offset = 0;
  readonly location: string;

  constructor(readonly path: string) {
    this.location = basename(path);
    this.tempPath = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tempPath, 'w');
  }

  /** Writes `bytes` and returns an initializer that references them. */
  add(name: string, dims: number[], dataType: number, bytes: Uint8Array): TensorProto {
    const align = bytes.byteLength >= 65536 ? PAGE : SMALL_ALIGN;
    this.offset = Math.ceil(this.offset / align) * align;
    writeSync(this.fd, bytes, 0, bytes.byteLength, this.offset);
    const tensor: TensorProto = {
      name,
      dims,
      dataType,
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [
        { key: 'location', value: this.location },
        { key: 'offset', value: String(this.offset) },
        { key: 'length', value: String(bytes.byteLength) },
      ],
    };
    this.offset += bytes.byteLength;
    return tensor;
  }

  /** Closes the file and moves it into place (the caller writes the .onnx after this). */
  finish(): void {
    closeSync(this.fd);
    renameSync(this.tempPath, this.path);
  }
}

export function float32Bytes(data: Float32Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export const FLOAT = DataType.FLOAT;
export const FLOAT16 = DataType.FLOAT16;
export const INT64 = DataType.INT64;
export const INT32 = DataType.INT32;
export const BOOL = DataType.BOOL;
