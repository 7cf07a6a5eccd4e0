import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tests about the exact exported data files (the paper's release as JSONL: benchmarks/, train/) read
 * them from $PA_DATA_DIR, never from a path of this machine. Without it these tests fail, naming the
 * variable (README, "Test data"): they must not pass or skip silently.
 */
function localDataDir(): string {
  const dir = process.env.PA_DATA_DIR;
  if (!dir || !existsSync(join(dir, 'benchmarks'))) {
    throw new Error(
      `These tests read the exported data files from $PA_DATA_DIR (${dir ? `${dir} has no benchmarks/ folder` : 'not set'}). ` +
        'Set PA_DATA_DIR to the folder holding benchmarks/ and train/ (see README, "Test data").',
    );
  }
  return dir;
}

export const SHARED_DATA = localDataDir();

export const sharedFile = (relative: string): string => join(SHARED_DATA, relative);
