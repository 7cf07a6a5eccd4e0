import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '@prompt-aug/core';

export const LOCK_FILE = 'eval.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface OutDirLock {
  release(): Promise<void>;
}

/**
 * One evaluation writes an output folder at a time: `eval.lock` holds the writer's pid. A lock
 * whose pid is dead on this host (a killed run) is taken over; a live one is refused.
 */
export async function lockOutDir(outDir: string): Promise<OutDirLock> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole beside it, then hard-linked into place: the lock never exists half-written.
    const draft = `${path}.draft-${process.pid}-${randomBytes(4).toString('hex')}`;
    await writeFile(draft, JSON.stringify(me) + '\n');
    try {
      await link(draft, path);
      return { release: () => releaseIfOwned(path, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const owner = await readOwner(path);
    if (owner && isAlive(owner)) {
      throw new UserError(
        `Another evaluation (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}) is writing ${outDir}; two evaluations in one folder would interleave their samples. ` +
          `Wait for it to finish, evaluate into another --out folder, or, if that process is really gone, delete ${path}.`,
        'PA_EVAL_OUT_LOCKED',
      );
    }
    // Stale (its process is gone): move it aside atomically, so of two racing takers only one gets this file.
    const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    const moved = await rename(path, aside).then(() => true, () => false);
    if (moved) {
      const taken = await readOwner(aside);
      // What we moved was a fresh lock taken in between: put it back and look again.
      if (taken && isAlive(taken)) await rename(aside, path).catch(() => undefined);
      else await rm(aside, { force: true });
    }
  }
  throw new UserError(`Could not lock ${outDir} for this evaluation (${path} keeps changing); another evaluation is starting there. Use another --out folder.`, 'PA_EVAL_OUT_LOCKED');
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    // Unreadable (edited or damaged by hand): nobody can be shown to hold it, so it is stale.
    return undefined;
  }
}

/** A lock of another host cannot be checked, so it counts as alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfOwned(path: string, me: LockOwner): Promise<void> {
  const owner = await readOwner(path);
  if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt) await rm(path, { force: true });
}
