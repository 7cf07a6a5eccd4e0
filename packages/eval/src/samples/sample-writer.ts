import { mkdir, open, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SampleRecord } from './sample-record.js';

/**
 * Appends sample records to `samples.jsonl`, one JSON line per write, fsynced, so a killed run
 * loses at most the line being written (which `readSamples` then drops).
 */
export class SampleWriter {
  private constructor(private readonly handle: FileHandle) {}

  /**
   * Open for appending. `keepBytes` cuts the file back to its intact prefix first (dropping a
   * torn last line); omit it to start a new, empty file.
   */
  static async open(path: string, keepBytes?: number): Promise<SampleWriter> {
    await mkdir(dirname(path), { recursive: true });
    if (keepBytes === undefined) {
      await (await open(path, 'w')).close();
    } else {
      await truncate(path, keepBytes).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    return new SampleWriter(await open(path, 'a'));
  }

  async append(records: readonly SampleRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.handle.appendFile(records.map((r) => JSON.stringify(r) + '\n').join(''));
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
