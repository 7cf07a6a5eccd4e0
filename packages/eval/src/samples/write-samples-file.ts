import { join } from 'node:path';
import { atomicWriteFile } from '@prompt-aug/core';
import type { SampleRecord } from './sample-record.js';

/** Write a whole samples.jsonl at once (atomically): for `--responses`, where nothing streams. */
export async function writeSamplesFile(outDir: string, samples: readonly SampleRecord[]): Promise<string> {
  const path = join(outDir, 'samples.jsonl');
  await atomicWriteFile(path, samples.map((s) => JSON.stringify(s) + '\n').join(''));
  return path;
}
