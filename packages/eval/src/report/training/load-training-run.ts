import { readFile, stat } from 'node:fs/promises';
import { UserError } from '@prompt-aug/core';
import { readMetrics, type MetricsRow } from '@prompt-aug/core/train';
import { newKeyTree, visitRow } from './flatten-row.js';
import { readEvals, type EvalRow } from './read-evals.js';
import { locateRunFiles } from './run-files.js';

/** One run, column by column: `series[key][i]` is the value at `steps[i]` (null: not logged that step). */
export interface TrainingRun {
  name: string;
  dir: string;
  steps: number[];
  series: Record<string, (number | null)[]>;
  /** The merged config the run was trained with ({} when config.json is missing). */
  config: Record<string, unknown>;
  evals: EvalRow[];
  /** When metrics.jsonl last changed (a live run keeps moving it). */
  updatedAt: string;
  /** Rows dropped because a later row had the same step (a resumed run's replayed steps). */
  replacedRows: number;
}

/**
 * Read a run folder: metrics.jsonl (a torn last line of a live run is left out; a step logged
 * twice, as after some resumes, keeps its later row), config.json and evals.jsonl when present.
 */
export async function loadTrainingRun(path: string): Promise<TrainingRun> {
  const files = locateRunFiles(path);
  const rows = await readMetrics(files.metrics);
  const byStep = new Map<number, MetricsRow>();
  for (const row of rows) byStep.set(row.step, row);
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  const series: Record<string, (number | null)[]> = {};
  const keys = newKeyTree();
  steps.forEach((step, i) => {
    visitRow(byStep.get(step)!, (key, value) => {
      (series[key] ??= new Array<number | null>(steps.length).fill(null))[i] = value;
    }, keys);
  });
  delete series['["step"]'];
  return {
    name: files.name,
    dir: files.dir,
    steps,
    series,
    config: await readConfig(files.config),
    evals: await readEvals(files.evals),
    updatedAt: (await stat(files.metrics)).mtime.toISOString(),
    replacedRows: rows.length - steps.length,
  };
}

async function readConfig(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UserError(`${file} is not a JSON object. pa train writes the run's merged config there; restore it from the run's checkpoints (trainer_state/) or delete it to report the run without its config.`, 'PA_REPORT_CONFIG_UNREADABLE');
}
