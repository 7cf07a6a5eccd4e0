import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '@prompt-aug/core';

export interface RunFiles {
  /** The folder holding metrics.jsonl. */
  dir: string;
  /** A short name for the run: its folder name (the demo's parent folder for `<demo>/run`). */
  name: string;
  metrics: string;
  config: string;
  evals: string;
}

/**
 * Where a run's files are. A run folder holds metrics.jsonl; `pa train --demo --out X` puts
 * the run in X/run, so X is accepted too.
 */
export function locateRunFiles(path: string): RunFiles {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UserError(`${path} is not a folder. Give pa report the output folder of a training run (the --out of pa train, which holds metrics.jsonl).`, 'PA_REPORT_RUN_FOLDER_MISSING');
  }
  const candidates = [path, join(path, 'run')];
  const dir = candidates.find((d) => existsSync(join(d, 'metrics.jsonl')));
  if (!dir) {
    throw new UserError(
      `${path} holds no metrics.jsonl (looked in ${candidates.map((c) => join(c, 'metrics.jsonl')).join(' and ')}). A training run writes it after its first step; check the folder, or wait for the first step of a run that just started.`,
      'PA_REPORT_METRICS_MISSING',
    );
  }
  const absolute = resolve(dir);
  const name = basename(absolute) === 'run' ? basename(dirname(absolute)) : basename(absolute);
  return { dir, name, metrics: join(dir, 'metrics.jsonl'), config: join(dir, 'config.json'), evals: join(dir, 'evals.jsonl') };
}
