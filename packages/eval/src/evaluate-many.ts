import { basename, join } from 'node:path';
import { UserError } from '@prompt-aug/core';
import { classifyFolder } from '@prompt-aug/core/train';
import { loadBenchmarks, type Benchmark } from './benchmarks/load-benchmarks.js';
import { ensureEvalPlugins, type EvalPlugins } from './benchmarks/eval-plugins.js';
import { evaluateCheckpoint, type CheckpointScore, type EvaluateCheckpointOptions } from './evaluate-checkpoint.js';
import { compareEvaluations, type Comparison } from './report/compare/compare-evaluations.js';

export interface EvaluateManyOptions extends Omit<EvaluateCheckpointOptions, 'checkpointDir' | 'outDir' | 'policy' | 'tokenizer'> {
  /** Checkpoint folders and/or training run folders (whose `checkpoints/step-*` are all evaluated). */
  paths: readonly string[];
  /** Where per-checkpoint results go: `<outDir>/<checkpoint name>/` and `<outDir>/comparison.html`; default `<checkpoint>/eval`. */
  outDir?: string;
}

export interface EvaluateManyResult {
  scores: CheckpointScore[];
  comparison: Comparison;
}

/**
 * `pa eval ckpt-a ckpt-b …` or `pa eval runs/exp1`: evaluate every checkpoint (one policy at a
 * time, loaded through the backend) and compare them in one table with step curves.
 */
export async function evaluateMany(options: EvaluateManyOptions): Promise<EvaluateManyResult> {
  const checkpoints = options.paths.flatMap(expandCheckpoints);
  // Loaded once for all checkpoints.
  const benchmarks: Benchmark[] = Array.isArray(options.benchmarks) ? options.benchmarks : await loadBenchmarks(options.benchmarks);
  const plugins: EvalPlugins = await ensureEvalPlugins(options.plugins, options.resolve);
  const scores: CheckpointScore[] = [];
  for (const checkpointDir of checkpoints) {
    const outDir = options.outDir ? join(options.outDir, basename(checkpointDir)) : undefined;
    scores.push(await evaluateCheckpoint({ ...options, checkpointDir, benchmarks, plugins, ...(outDir ? { outDir } : {}) }));
  }
  const comparison = await compareEvaluations(scores.map((s) => s.outDir), options.outDir ? { outFile: join(options.outDir, 'comparison.html') } : {});
  return { scores, comparison };
}

/** A model folder is itself; a training run folder is its complete checkpoints, oldest first. */
function expandCheckpoints(path: string): string[] {
  const folder = classifyFolder(path);
  if (folder.kind === 'model') return [folder.dir];
  if (folder.kind === 'run' && folder.checkpoints.length > 0) return folder.checkpoints.map((c) => c.dir);
  const why = folder.kind === 'run' ? 'it is a training run folder with no finished checkpoint yet (checkpoints/step-*/trainer_state)' : folder.reason;
  throw new UserError(
    `${path} is neither a model folder nor a training run with finished checkpoints: ${why}. ` +
      'Pass a checkpoint folder, a run folder written by `pa train`, or a Hub model id.',
    'PA_EVAL_NOT_A_CHECKPOINT',
  );
}
