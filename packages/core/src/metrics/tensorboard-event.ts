/**
 * Encoders for the three `tensorflow.Event` messages the writer needs. Field numbers are from
 * tensorflow/core/util/event.proto and framework/summary.proto:
 *   Event { double wall_time = 1; int64 step = 2; string file_version = 3;
 *           Summary summary = 5; SessionLog session_log = 6; }
 *   Summary { repeated Value value = 1; }   Value { string tag = 1; float simple_value = 2; }
 *   SessionLog { SessionStatus status = 1; }  (START = 1)
 */
import { bytesField, concatBytes, doubleField, floatField, stringField, varintField } from './protobuf-encode.js';

/** The version string TensorBoard expects in the first event of every file. */
export const EVENT_FILE_VERSION = 'brain.Event:2';

const SESSION_STATUS_START = 1;

export function encodeFileVersionEvent(wallTimeSeconds: number): Uint8Array {
  return concatBytes([doubleField(1, wallTimeSeconds), stringField(3, EVENT_FILE_VERSION)]);
}

/** One event carrying every scalar of a step, tags in the given order. */
export function encodeScalarsEvent(wallTimeSeconds: number, step: number, scalars: ReadonlyMap<string, number>): Uint8Array {
  const values = [...scalars].map(([tag, value]) =>
    bytesField(1, concatBytes([stringField(1, tag), floatField(2, value)])),
  );
  return concatBytes([doubleField(1, wallTimeSeconds), varintField(2, step), bytesField(5, concatBytes(values))]);
}

/**
 * SessionLog START at `step`: TensorBoard's loader treats it as "the run restarted here" and
 * drops points at or after `step` read from earlier files, i.e. the ones a killed run wrote
 * past its last checkpoint, which the resumed run is about to write again.
 */
export function encodeSessionStartEvent(wallTimeSeconds: number, step: number): Uint8Array {
  return concatBytes([
    doubleField(1, wallTimeSeconds),
    varintField(2, step),
    bytesField(6, varintField(1, SESSION_STATUS_START)),
  ]);
}
