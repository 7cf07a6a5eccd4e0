/**
 * Hugging Face model folders and AdamW state on disk, in backend-tfjs' format so either
 * backend resumes the other's checkpoints: `model.safetensors` + config + tokenizer files, and
 * `trainer_state/optimizer.safetensors` (`exp_avg.<param>`, `exp_avg_sq.<param>` in checkpoint
 * layout) with `trainer_state/optimizer.json` (step, loss and optimizer configuration).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type LossConfig, type OptimizerConfig } from '@prompt-aug/plugin-api';
import { UserError, atomicWriteJson } from '@prompt-aug/core';
import { modelConfigToJson, readSafetensors, writeModelWeights, writeSafetensors, type ModelConfig, type NamedTensor } from '@prompt-aug/core/model';
import { Tensor } from 'onnxruntime-node';
import type { AdamWState } from './adamw-state.js';
import { toCheckpointLayout, toGraphLayout, type GraphParameter } from './graph-parameters.js';

export const OPTIMIZER_FORMAT = 'prompt-aug-adamw-v1';
const SIDE_FILES = ['generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'chat_template.jinja', 'vocab.json', 'merges.txt'];

export interface SavedTrainingConfig {
  step: number;
  loss: LossConfig;
  optimizer: OptimizerConfig;
}

function checkpointTensors(params: GraphParameter[], tensors: ReadonlyMap<string, Tensor>, prefix = ''): Map<string, NamedTensor> {
  const out = new Map<string, NamedTensor>();
  for (const p of params) {
    const t = tensors.get(p.name);
    if (t) out.set(`${prefix}${p.hfName}`, { shape: p.transposed ? [...p.dims].reverse() : p.dims, data: toCheckpointLayout(p, t.data as Float32Array) });
  }
  return out;
}

export async function writeModelFolder(dir: string, config: ModelConfig, params: GraphParameter[], tensors: ReadonlyMap<string, Tensor>, sourceDir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeModelWeights(dir, checkpointTensors(params, tensors), { dtype: 'F32' });
  await atomicWriteJson(join(dir, 'config.json'), { ...modelConfigToJson(config), torch_dtype: 'float32' });
  if (resolve(sourceDir) !== resolve(dir)) {
    for (const file of SIDE_FILES) if (existsSync(join(sourceDir, file))) await copyFile(join(sourceDir, file), join(dir, file));
  }
}

export async function saveOptimizerState(dir: string, params: GraphParameter[], state: AdamWState, config: { loss: LossConfig; optimizer: OptimizerConfig }): Promise<void> {
  const tensors = new Map([...checkpointTensors(params, state.expAvg, 'exp_avg.'), ...checkpointTensors(params, state.expAvgSq, 'exp_avg_sq.')]);
  const folder = join(dir, 'trainer_state');
  await writeSafetensors(join(folder, 'optimizer.safetensors'), tensors, { metadata: { format: OPTIMIZER_FORMAT } });
  await atomicWriteJson(join(folder, 'optimizer.json'), { format: OPTIMIZER_FORMAT, step: state.step, ...config });
}

/** The saved step and configuration, or null when the folder has no optimizer state. */
export async function readOptimizerConfig(dir: string): Promise<SavedTrainingConfig | null> {
  const jsonPath = join(dir, 'trainer_state', 'optimizer.json');
  if (!existsSync(jsonPath)) return null;
  const saved = JSON.parse(await readFile(jsonPath, 'utf8')) as SavedTrainingConfig & { format?: string };
  if (saved.format !== OPTIMIZER_FORMAT) {
    throw new UserError(
      `${jsonPath} is not optimizer state prompt-aug wrote (format "${String(saved.format)}", expected "${OPTIMIZER_FORMAT}"). Delete the trainer_state folder to start the optimizer afresh.`,
      'PA_OPTIMIZER_STATE',
    );
  }
  return saved;
}

/** Restores saved moments (by checkpoint name) into `state` in graph layout. */
export async function loadOptimizerMoments(dir: string, params: GraphParameter[], state: AdamWState): Promise<void> {
  const saved = await readOptimizerConfig(dir);
  if (!saved) return;
  const { tensors } = await readSafetensors(join(dir, 'trainer_state', 'optimizer.safetensors'));
  for (const p of params) {
    const m = tensors.get(`exp_avg.${p.hfName}`);
    const v = tensors.get(`exp_avg_sq.${p.hfName}`);
    if (m) state.expAvg.set(p.name, new Tensor('float32', toGraphLayout(p, m.data), p.dims));
    if (v) state.expAvgSq.set(p.name, new Tensor('float32', toGraphLayout(p, v.data), p.dims));
  }
  state.step = saved.step;
}
