import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Policy } from '@prompt-aug/plugin-api';

/** The folder name of the weights after `step` updates; it doubles as the weight version servers report. */
export function syncFolderName(step: number): string {
  return `step-${String(step).padStart(6, '0')}`;
}

/** The step of a weight version named by syncFolderName (0 for anything else: the starting weights). */
export function weightVersionStep(version: string | undefined): number {
  const match = /^step-(\d+)$/.exec(version ?? '');
  return match ? Number(match[1]) : 0;
}

/**
 * Write the policy's weights as an HF folder `<syncDir>/step-NNNNNN` that rollout servers load:
 * into a hidden temp folder first, renamed into place only when complete, so a server never
 * sees a half-written model (the policy's save writes its files atomically). The previous
 * version is kept (a failed reload puts servers back on it); older ones are removed.
 */
export async function writeSyncFolder(syncDir: string, step: number, policy: Policy): Promise<string> {
  const name = syncFolderName(step);
  const finalDir = join(syncDir, name);
  const partial = join(syncDir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await policy.save!(partial);
    // A resumed run re-syncs a step it already wrote: the new copy replaces it whole.
    if (existsSync(finalDir)) await rm(finalDir, { recursive: true, force: true });
    await rename(partial, finalDir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  await pruneSyncFolders(syncDir, name);
  return finalDir;
}

/** Keep `current` and the newest older version; drop the rest and stale temp folders. */
async function pruneSyncFolders(syncDir: string, current: string): Promise<void> {
  const entries = await readdir(syncDir);
  // Names sort by step (zero-padded); versions past `current` are leftovers of a run that was resumed from earlier.
  const previous = entries.filter((e) => /^step-\d+$/.test(e) && e < current).sort().at(-1);
  const keep = new Set([current, previous]);
  for (const entry of entries) {
    if ((/^step-\d+$/.test(entry) && !keep.has(entry)) || /^\.step-\d+\.[0-9a-f]+\.tmp$/.test(entry)) {
      await rm(join(syncDir, entry), { recursive: true, force: true });
    }
  }
}
