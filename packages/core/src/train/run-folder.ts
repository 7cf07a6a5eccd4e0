import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TENSORBOARD_SUBFOLDER } from '../metrics/tensorboard-writer.js';
import { checkpointsDir, listCheckpoints, type CheckpointInfo } from './checkpoints.js';

/**
 * The layout of a training run folder (`pa train --out DIR`), in one place: the trainer writes
 * it, and `pa eval`/evaluateMany tell a run folder from a model folder by it.
 *
 *     DIR/config.json           the resolved training config (not a model config!)
 *     DIR/metrics.jsonl         one line per step
 *     DIR/evals.jsonl           one line per periodic eval
 *     DIR/checkpoints/step-NNNNNN/   Hugging Face model folders + trainer_state/
 *     DIR/tensorboard/          event files
 */
export const RUN_FOLDER_FILES = {
  config: 'config.json',
  metrics: 'metrics.jsonl',
  evals: 'evals.jsonl',
  checkpoints: 'checkpoints',
  tensorboard: TENSORBOARD_SUBFOLDER,
} as const;

export type RunFolderPaths = { [K in keyof typeof RUN_FOLDER_FILES]: string };

export function runFolderPaths(runDir: string): RunFolderPaths {
  return {
    config: join(runDir, RUN_FOLDER_FILES.config),
    metrics: join(runDir, RUN_FOLDER_FILES.metrics),
    evals: join(runDir, RUN_FOLDER_FILES.evals),
    checkpoints: checkpointsDir(runDir),
    tensorboard: join(runDir, RUN_FOLDER_FILES.tensorboard),
  };
}

export type FolderClass =
  | { kind: 'model'; dir: string }
  | { kind: 'run'; dir: string; checkpoints: CheckpointInfo[] }
  | { kind: 'neither'; dir: string; reason: string };

const WEIGHTS = /\.(safetensors|bin|onnx)$/;

/**
 * A model folder has a model config.json (with `model_type` or `architectures`) and weights; a
 * run folder has what the trainer writes (checkpoints/, metrics.jsonl, or its training
 * config.json, which has neither key). Both have a config.json, so its presence says nothing.
 */
export function classifyFolder(path: string): FolderClass {
  const dir = resolve(path);
  if (!existsSync(dir)) return { kind: 'neither', dir, reason: 'it does not exist' };
  if (!statSync(dir).isDirectory()) return { kind: 'neither', dir, reason: 'it is a file, not a folder' };
  const config = readConfig(join(dir, RUN_FOLDER_FILES.config));
  if (config === 'unreadable') return { kind: 'neither', dir, reason: 'its config.json is not a JSON object' };
  if (config && (typeof config.model_type === 'string' || Array.isArray(config.architectures))) {
    if (readdirSync(dir).some((name) => WEIGHTS.test(name))) return { kind: 'model', dir };
    return { kind: 'neither', dir, reason: 'it has a model config.json but no weights (*.safetensors, *.bin or *.onnx)' };
  }
  const paths = runFolderPaths(dir);
  const trainerConfig = config !== undefined && 'model' in config && 'out' in config;
  if (trainerConfig || existsSync(paths.checkpoints) || existsSync(paths.metrics)) {
    return { kind: 'run', dir, checkpoints: listCheckpoints(dir) };
  }
  return {
    kind: 'neither',
    dir,
    reason: config
      ? 'its config.json is neither a model config (no "model_type") nor a training config, and it has no checkpoints/ or metrics.jsonl'
      : 'it has no config.json, checkpoints/ or metrics.jsonl',
  };
}

function readConfig(file: string): Record<string, unknown> | 'unreadable' | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
