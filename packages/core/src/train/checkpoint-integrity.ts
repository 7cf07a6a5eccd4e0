/**
 * Is a checkpoint whole enough to resume from? Its trainer state parses and names its own step,
 * config.json agrees with the weights' safetensors headers (which must fit their files), and
 * every safetensors / JSON file in trainer_state/ reads. A cut-off copy, a disk error or a
 * hand-edited file is caught here, before the backend loads anything.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readModelConfig } from '../model/model-config-parse.js';
import { openSafetensors } from '../model/safetensors-read.js';
import { TRAINER_STATE_DIR, type CheckpointInfo } from './checkpoints.js';

/** undefined when intact, else what is wrong, in a few words. */
export async function checkpointProblem(checkpoint: CheckpointInfo): Promise<string | undefined> {
  try {
    const stateDir = join(checkpoint.dir, TRAINER_STATE_DIR);
    const state = JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8')) as { step?: unknown; configHash?: unknown };
    if (state.step !== checkpoint.step || typeof state.configHash !== 'string') return `${TRAINER_STATE_DIR}/state.json does not describe step ${checkpoint.step}`;
    await readModelConfig(checkpoint.dir);
    for (const name of await readdir(stateDir)) {
      if (name.endsWith('.json')) JSON.parse(await readFile(join(stateDir, name), 'utf8'));
      if (name.endsWith('.safetensors')) await (await openSafetensors(join(stateDir, name))).close();
    }
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!.slice(0, 300);
  }
}
