import { join } from 'node:path';
import { type BackendPlugin, type LoadOptions, type Policy } from '@prompt-aug/plugin-api';
import type { ResolveOptions } from '@prompt-aug/core';
import { loadTokenizer, type TextTokenizer } from '@prompt-aug/core/model';
import { loadBenchmarks, type Benchmark, type LoadBenchmarksOptions } from './benchmarks/load-benchmarks.js';
import { ensureEvalPlugins, type EvalPlugins, type LoadEvalPluginsOptions } from './benchmarks/eval-plugins.js';
import { ensureBackend } from './backend-plugin.js';
import type { GenerationSettings } from './generate/generation-settings.js';
import type { GraderMode } from './grading/grade-response.js';
import type { EvalResults } from './results/eval-results.js';
import { runEval } from './run-eval.js';

export interface EvaluateCheckpointOptions {
  /** A Hugging Face model folder (a training checkpoint). */
  checkpointDir: string;
  /** A live policy holding this checkpoint's weights; otherwise `backend` loads one (and disposes it after). */
  policy?: Policy;
  /** Backend plugin, or its name (`backend-ort`, `backend-tfjs`), used when no policy is given. */
  backend?: BackendPlugin | string;
  loadOptions?: Omit<LoadOptions, 'modelDir'>;
  /** Default: the checkpoint's own tokenizer. */
  tokenizer?: TextTokenizer;
  /** Default `<checkpointDir>/eval` (where comparisons of a run's checkpoints look). */
  outDir?: string;
  benchmarks?: Benchmark[] | LoadBenchmarksOptions;
  plugins?: EvalPlugins | LoadEvalPluginsOptions;
  generation?: Partial<GenerationSettings>;
  grader?: GraderMode;
  /**
   * Continue an interrupted eval in `outDir` (`pa eval --resume`). Default false, as the CLI flag:
   * without it, existing samples are refused. Either way, samples of other weights or settings are.
   */
  resume?: boolean;
  progress?: boolean;
  resolve?: ResolveOptions;
}

export interface CheckpointScore {
  perBenchmarkAccuracy: number;
  perQuestionAccuracy: number;
  /** Accuracy (percent) per benchmark. */
  benchmarks: Record<string, number>;
  outDir: string;
  results: EvalResults;
}

/** Evaluate one checkpoint: what the trainer's periodic-eval hook and `pa eval <ckpt>` share. */
export async function evaluateCheckpoint(options: EvaluateCheckpointOptions): Promise<CheckpointScore> {
  const outDir = options.outDir ?? join(options.checkpointDir, 'eval');
  const owned = options.policy ? undefined : await loadPolicy(options);
  const policy = options.policy ?? owned!;
  try {
    const tokenizer = options.tokenizer ?? (await loadTokenizer(options.checkpointDir));
    const { results } = await runEval({
      policy,
      tokenizer,
      outDir,
      model: options.checkpointDir,
      modelDir: options.checkpointDir,
      resume: options.resume ?? false,
      progress: options.progress ?? false,
      ...(options.benchmarks ? { benchmarks: options.benchmarks } : {}),
      ...(options.plugins ? { plugins: options.plugins } : {}),
      ...(options.generation ? { generation: options.generation } : {}),
      ...(options.grader ? { grader: options.grader } : {}),
    });
    return {
      perBenchmarkAccuracy: results.perBenchmarkAccuracy,
      perQuestionAccuracy: results.perQuestionAccuracy,
      benchmarks: Object.fromEntries(Object.entries(results.benchmarks).map(([name, b]) => [name, b.accuracy])),
      outDir,
      results,
    };
  } finally {
    await owned?.dispose();
  }
}

/** Flat metrics for the trainer's `evaluate` hook (evals.jsonl, TensorBoard `eval/…`). */
export function checkpointMetrics(score: CheckpointScore): Record<string, number> {
  return {
    perBenchmarkAccuracy: score.perBenchmarkAccuracy,
    perQuestionAccuracy: score.perQuestionAccuracy,
    ...Object.fromEntries(Object.entries(score.benchmarks).map(([name, acc]) => [`accuracy/${name}`, acc])),
  };
}

/**
 * The trainer's `hooks.evaluate`: benchmarks and plugins are loaded once, then every call
 * evaluates one checkpoint into `<checkpoint>/eval` and returns flat metrics.
 */
export function checkpointEvalHook(options: Omit<EvaluateCheckpointOptions, 'checkpointDir'>): (checkpointDir: string, step: number) => Promise<Record<string, number>> {
  let loaded: Promise<{ benchmarks: Benchmark[]; plugins: EvalPlugins }> | undefined;
  return async (checkpointDir) => {
    loaded ??= (async () => ({
      benchmarks: Array.isArray(options.benchmarks) ? options.benchmarks : await loadBenchmarks(options.benchmarks),
      plugins: await ensureEvalPlugins(options.plugins, options.resolve),
    }))();
    const { benchmarks, plugins } = await loaded;
    // A resumed training run re-evaluates a checkpoint whose eval was cut short: continue it (the fingerprint guards it).
    return checkpointMetrics(await evaluateCheckpoint({ resume: true, ...options, checkpointDir, benchmarks, plugins }));
  };
}

async function loadPolicy(options: EvaluateCheckpointOptions): Promise<Policy> {
  const backend = await ensureBackend(options.backend, options.resolve);
  return backend.load({ ...options.loadOptions, modelDir: options.checkpointDir });
}
