/**
 * `--resume` continues from the newest checkpoint that is intact. A damaged newer one is moved
 * aside (kept for inspection, out of the way of pruning, which would otherwise keep it and delete
 * the intact ones) and the fallback is reported, naming both.
 */
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../util/user-error.js';
import { checkpointProblem } from './checkpoint-integrity.js';
import type { CheckpointInfo } from './checkpoints.js';

export async function newestIntactCheckpoint(checkpoints: readonly CheckpointInfo[], warn: (message: string) => void): Promise<CheckpointInfo | undefined> {
  const damaged: string[] = [];
  for (const checkpoint of [...checkpoints].reverse()) {
    const problem = await checkpointProblem(checkpoint);
    if (problem === undefined) {
      if (damaged.length > 0) warn(`Resuming from ${checkpoint.dir} (step ${checkpoint.step}), the newest intact checkpoint; ${damaged.join('; ')}.`);
      return checkpoint;
    }
    const aside = join(dirname(checkpoint.dir), `.damaged-${basename(checkpoint.dir)}-${Date.now()}`);
    await rename(checkpoint.dir, aside);
    damaged.push(`${checkpoint.dir} is damaged (${problem}) and was moved to ${aside}`);
  }
  if (damaged.length === 0) return undefined;
  throw new UserError(
    `No checkpoint in ${dirname(checkpoints[0]!.dir)} is intact, so the run cannot resume: ${damaged.join('; ')}. ` +
      'Start the run again in a new --out folder (or restore a checkpoint from a backup).',
    'PA_NO_INTACT_CHECKPOINT',
  );
}
