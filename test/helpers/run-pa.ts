import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PA_BIN = join(REPO_ROOT, 'apps/cli/bin/run.js');

/**
 * A file of the local data copies in $PA_DATA_DIR, for tests about files that have no Hub copy
 * (the verifier's labelled dev cases). Known datasets come through pa's own resolver instead
 * (PA_DATA_DIR, then the cache, then the Hub). Without it the test fails naming the variable.
 */
export function localDataFile(relative: string): string {
  const dir = process.env.PA_DATA_DIR;
  const file = dir ? join(dir, relative) : undefined;
  if (!file || !existsSync(file)) {
    throw new Error(`This test reads ${relative} from $PA_DATA_DIR (${dir ? `not found in ${dir}` : 'not set'}). Set PA_DATA_DIR to the folder holding the local data copies (see README, "Test data").`);
  }
  return file;
}

export interface PaResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `pa` as a real child process, with isolated user folders. */
export function runPa(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): PaResult {
  const result = spawnSync(process.execPath, [PA_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'pa-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Parse the JSON printed by a `--json` command. */
export function parseJson<T = Record<string, unknown>>(result: PaResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`pa did not print JSON (exit ${result.status}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}
