/**
 * Writes TensorBoard event files for a run: `<runDir>/tensorboard/events.out.tfevents.<unix-seconds>.<hostname>.<pid>.<n>`.
 * Every open creates a NEW file (never appends to or rewrites an old one), so a resumed run
 * cannot tear what a killed run wrote; TensorBoard reads all files of the folder in name order.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { flattenScalars } from './flatten-scalars.js';
import type { MetricValue } from './metric-types.js';
import { isValidStep } from './metric-types.js';
import { encodeFileVersionEvent, encodeScalarsEvent, encodeSessionStartEvent } from './tensorboard-event.js';
import { frameTfRecord } from './tfrecord-frame.js';

/** The run folder's subfolder for event files (the run-folder layout names it through this constant). */
export const TENSORBOARD_SUBFOLDER = 'tensorboard';

export interface TensorBoardWriterOptions {
  /** Set when resuming: the step of the checkpoint the run resumes from (see encodeSessionStartEvent). */
  checkpointStep?: number;
  /**
   * fsync after every step (default false). Each step is already one write() straight to the
   * kernel, so a killed process loses nothing; fsync only guards against power loss, and
   * metrics.jsonl (always fsynced) is the durable record.
   */
  fsync?: boolean;
  /** Clock in milliseconds (tests pin it). */
  now?: () => number;
  hostname?: string;
}

export class TensorBoardWriter {
  private closed = false;

  private constructor(
    /** Path of the event file this writer owns. */
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly options: TensorBoardWriterOptions,
  ) {}

  static async open(runDir: string, options: TensorBoardWriterOptions = {}): Promise<TensorBoardWriter> {
    const { checkpointStep } = options;
    if (checkpointStep !== undefined && !isValidStep(checkpointStep)) {
      throw new RangeError(`checkpointStep must be a non-negative integer, got ${checkpointStep}`);
    }
    const now = options.now ?? Date.now;
    const dir = join(runDir, TENSORBOARD_SUBFOLDER);
    await mkdir(dir, { recursive: true });
    const { file, handle } = await createUniqueEventFile(dir, now(), options.hostname ?? osHostname());
    const writer = new TensorBoardWriter(file, handle, options);
    await writer.writeEvent(encodeFileVersionEvent(now() / 1000));
    if (checkpointStep !== undefined) await writer.writeEvent(encodeSessionStartEvent(now() / 1000, checkpointStep + 1));
    return writer;
  }

  /**
   * One event with every finite number of `record` as a scalar, nested keys joined with `/`.
   * A top-level `step` key is left out: it is the event's step, not a chart.
   */
  async scalars(step: number, record: Readonly<Record<string, MetricValue>>): Promise<void> {
    if (!isValidStep(step)) throw new RangeError(`step must be a non-negative integer, got ${step}`);
    const { step: _ignored, ...charts } = record;
    const now = this.options.now ?? Date.now;
    await this.writeEvent(encodeScalarsEvent(now() / 1000, step, flattenScalars(charts)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  /** The whole record in one write, so a kill between steps never leaves half a record. */
  private async writeEvent(event: Uint8Array): Promise<void> {
    if (this.closed) throw new Error(`TensorBoardWriter for ${this.file} is closed`);
    const record = frameTfRecord(event);
    let done = 0;
    while (done < record.length) done += (await this.handle.write(record, done)).bytesWritten;
    if (this.options.fsync) await this.handle.sync();
  }
}

/** Process-wide counter, like TensorFlow's, so two writers opened in the same second differ. */
let eventFileCounter = 0;

async function createUniqueEventFile(dir: string, nowMs: number, host: string): Promise<{ file: string; handle: FileHandle }> {
  // Ten-digit seconds keep name order equal to time order, which TensorBoard relies on.
  const seconds = String(Math.floor(nowMs / 1000)).padStart(10, '0');
  for (;;) {
    const file = join(dir, `events.out.tfevents.${seconds}.${host}.${process.pid}.${eventFileCounter++}`);
    try {
      // 'wx' fails if the name exists (e.g. another process reusing a pid): never clobber.
      return { file, handle: await open(file, 'wx') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
