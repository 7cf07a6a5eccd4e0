import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteJson } from '../util/atomic-write.js';

export const TRAINER_STATE_DIR = 'trainer_state';
const STATE_FILE = 'state.json';
const STEP_DIR = /^step-(\d+)$/;

/** What the trainer needs to continue exactly where it stopped (the optimizer lives beside it). */
export interface TrainerState {
  /** Training steps completed. */
  step: number;
  epoch: number;
  seed: number;
  /** Hash of the parts of the config that change what is trained; a resume must match it. */
  configHash: string;
  savedAt: string;
}

export interface CheckpointInfo {
  step: number;
  dir: string;
}

export function checkpointsDir(runDir: string): string {
  return join(runDir, 'checkpoints');
}

export function stepDirName(step: number): string {
  return `step-${String(step).padStart(6, '0')}`;
}

/** Complete checkpoints, oldest first. A folder without a trainer state was never finished. */
export function listCheckpoints(runDir: string): CheckpointInfo[] {
  const root = checkpointsDir(runDir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => ({ name, match: STEP_DIR.exec(name) }))
    .filter(({ name, match }) => match && existsSync(join(root, name, TRAINER_STATE_DIR, STATE_FILE)))
    .map(({ name, match }) => ({ step: Number(match![1]), dir: join(root, name) }))
    .sort((a, b) => a.step - b.step);
}

export function readTrainerState(checkpointDir: string): TrainerState {
  return JSON.parse(readFileSync(join(checkpointDir, TRAINER_STATE_DIR, STATE_FILE), 'utf8')) as TrainerState;
}

/**
 * Write a checkpoint so that a kill at any moment leaves either the previous checkpoints
 * or the new one complete: everything goes into a hidden partial folder, the trainer state
 * is written last, and one rename publishes it. Older checkpoints beyond `keepLast` are removed.
 */
export async function saveCheckpoint(
  runDir: string,
  state: TrainerState,
  writeModel: (dir: string) => Promise<void>,
  keepLast: number,
): Promise<CheckpointInfo> {
  const root = checkpointsDir(runDir);
  await mkdir(root, { recursive: true });
  const partial = join(root, `.partial-${stepDirName(state.step)}-${randomBytes(4).toString('hex')}`);
  await writeModel(partial);
  await atomicWriteJson(join(partial, TRAINER_STATE_DIR, STATE_FILE), state);
  const finalDir = join(root, stepDirName(state.step));
  await rm(finalDir, { recursive: true, force: true });
  await rename(partial, finalDir);
  await pruneCheckpoints(runDir, keepLast);
  return { step: state.step, dir: finalDir };
}

/** Remove leftovers of interrupted saves and all but the newest `keepLast` checkpoints. */
export async function pruneCheckpoints(runDir: string, keepLast: number): Promise<void> {
  const root = checkpointsDir(runDir);
  if (!existsSync(root)) return;
  for (const name of readdirSync(root).filter((n) => n.startsWith('.partial-'))) {
    await rm(join(root, name), { recursive: true, force: true });
  }
  const complete = listCheckpoints(runDir);
  for (const old of complete.slice(0, Math.max(0, complete.length - keepLast))) {
    await rm(old.dir, { recursive: true, force: true });
  }
}
