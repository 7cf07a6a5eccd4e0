/**
 * metrics.jsonl: one JSON line per training step, appended and fsynced as each step ends, so a
 * run killed at any moment leaves at most one torn last line. Resuming from a checkpoint at
 * step S drops that torn line and every row after S (the resumed run writes them again) with
 * one atomic rewrite, so the file never holds a step twice.
 *
 * Order for the trainer: append step N's row BEFORE saving the checkpoint of step N, so the
 * rows a checkpoint covers are always on disk.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { atomicWriteFile } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { assertMetricValue, isValidStep, type MetricsRow } from './metric-types.js';
import { parseMetricsLines } from './metrics-lines.js';
import { readMetricsText } from './read-metrics.js';

export interface MetricsLogOptions {
  /** Set when resuming: the checkpoint's step; rows with a larger step are dropped. Unset: a fresh run. */
  checkpointStep?: number;
}

export class MetricsLog {
  private pending: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set when a failed write could not be cut back: appending more would corrupt the file. */
  private broken: unknown;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    /** Step of the last row on disk (-1 when none); appends must go past it. */
    private lastStep: number,
    /** File size after the last complete row: where to cut back to if a write fails halfway. */
    private size: number,
  ) {}

  static async open(file: string, options: MetricsLogOptions = {}): Promise<MetricsLog> {
    const { checkpointStep } = options;
    if (checkpointStep !== undefined && !isValidStep(checkpointStep)) {
      throw new RangeError(`checkpointStep must be a non-negative integer, got ${checkpointStep}`);
    }
    const original = await readMetricsText(file, { missingOk: true });
    const lines = parseMetricsLines(original, file);
    if (checkpointStep === undefined && lines.length > 0) {
      throw new UserError(
        `The metrics file ${file} already holds ${lines.length} rows (steps ${lines[0]!.row.step}–${lines.at(-1)!.row.step}) from an earlier run, and this run starts fresh. ` +
          'Resume that run from its checkpoint, or write this run to a new output folder (or delete the file if those metrics are not wanted).',
        'PA_METRICS_EXISTS',
      );
    }
    const kept = lines.filter((line) => line.row.step <= (checkpointStep ?? -1));
    const keptText = kept.map((line) => `${line.text}\n`).join('');
    // Rewrite only when something changes; atomic so a kill here leaves the old or the new file.
    if (keptText !== original) await atomicWriteFile(file, keptText);
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    const lastStep = kept.reduce((max, line) => Math.max(max, line.row.step), -1);
    return new MetricsLog(file, handle, lastStep, Buffer.byteLength(keptText));
  }

  /**
   * Append one step's row and fsync. Non-finite numbers are written as null (JSON has no NaN).
   * Steps must increase: a repeated step would be a duplicate line.
   */
  append(row: MetricsRow): Promise<void> {
    const result = this.pending.then(() => this.write(row));
    this.pending = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending;
    await this.handle.close();
  }

  private async write(row: MetricsRow): Promise<void> {
    if (this.closed) throw new Error(`MetricsLog for ${this.file} is closed`);
    if (this.broken) throw new Error(`MetricsLog for ${this.file} stopped after a failed write`, { cause: this.broken });
    if (!isValidStep(row.step)) throw new RangeError(`metrics step must be a non-negative integer, got ${row.step}`);
    if (row.step <= this.lastStep) {
      throw new RangeError(`metrics step ${row.step} is not after the last logged step ${this.lastStep} in ${this.file}`);
    }
    assertMetricValue(row, 'row');
    // `step` first so the file reads well.
    const { step, ...values } = row;
    const line = Buffer.from(`${JSON.stringify({ step, ...values })}\n`);
    try {
      let done = 0;
      while (done < line.length) done += (await this.handle.write(line, done)).bytesWritten;
      await this.handle.sync();
    } catch (error) {
      // Cut a half-written line so the next append does not glue onto it mid-file.
      await this.handle.truncate(this.size).catch((truncateError: unknown) => {
        this.broken = truncateError;
      });
      throw error;
    }
    this.size += line.length;
    this.lastStep = step;
  }
}
