/**
 * AdamW state on disk: `trainer_state/optimizer.safetensors` holds `exp_avg.<param>` and
 * `exp_avg_sq.<param>` in checkpoint layout (Linear = [out, in], like the weights), and
 * `trainer_state/optimizer.json` the step count and the loss/optimizer configuration.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { type LossConfig, type OptimizerConfig } from '@prompt-aug/plugin-api';
import { UserError, atomicWriteJson } from '@prompt-aug/core';
import { readSafetensors, writeSafetensors, type NamedTensor } from '@prompt-aug/core/model';
import { fromHuggingFaceTensor, toHuggingFaceTensor } from '../model/parameters.js';
import type { AdamWState } from '../train/adamw.js';

export const OPTIMIZER_FORMAT = 'prompt-aug-adamw-v1';

export interface SavedTrainingConfig {
  step: number;
  loss: LossConfig;
  optimizer: OptimizerConfig;
}

export async function saveOptimizerState(dir: string, state: AdamWState, config: { loss: LossConfig; optimizer: OptimizerConfig }): Promise<void> {
  const tensors = new Map<string, NamedTensor>();
  for (const [name, m] of state.expAvg) tensors.set(`exp_avg.${name}`, toHuggingFaceTensor(name, m));
  for (const [name, v] of state.expAvgSq) tensors.set(`exp_avg_sq.${name}`, toHuggingFaceTensor(name, v));
  const folder = join(dir, 'trainer_state');
  await writeSafetensors(join(folder, 'optimizer.safetensors'), tensors, { metadata: { format: OPTIMIZER_FORMAT } });
  await atomicWriteJson(join(folder, 'optimizer.json'), { format: OPTIMIZER_FORMAT, step: state.step, ...config });
}

/** Restores saved AdamW state into `state`; returns the saved configuration, or null when there is none. */
export async function loadOptimizerState(dir: string, state: AdamWState): Promise<SavedTrainingConfig | null> {
  const folder = join(dir, 'trainer_state');
  const jsonPath = join(folder, 'optimizer.json');
  if (!existsSync(jsonPath)) return null;
  const saved = JSON.parse(await readFile(jsonPath, 'utf8')) as SavedTrainingConfig & { format?: string };
  if (saved.format !== OPTIMIZER_FORMAT) {
    throw new UserError(
      `${jsonPath} is not optimizer state this backend wrote (format "${String(saved.format)}", expected "${OPTIMIZER_FORMAT}"). ` +
        `Delete the trainer_state folder to start the optimizer afresh, or load the checkpoint with the backend that wrote it.`,
      'PA_OPTIMIZER_STATE',
    );
  }
  const { tensors } = await readSafetensors(join(folder, 'optimizer.safetensors'));
  for (const [key, t] of tensors) {
    const [kind, ...rest] = key.split('.');
    const name = rest.join('.');
    const target = kind === 'exp_avg' ? state.expAvg : kind === 'exp_avg_sq' ? state.expAvgSq : null;
    if (!target) continue;
    const value = fromHuggingFaceTensor(name, t);
    target.get(name)?.dispose();
    target.set(name, tf.variable(value, false));
    value.dispose();
  }
  state.step = saved.step;
  return saved;
}
