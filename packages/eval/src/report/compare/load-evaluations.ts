import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '@prompt-aug/core';
import { runFolderPaths } from '@prompt-aug/core/train';
import type { EvalResults } from '../../results/eval-results.js';

/** One evaluation in a comparison: its label, its training step when known, its results. */
export interface LabelledResults {
  label: string;
  step: number | null;
  path: string;
  results: EvalResults;
}

const STEP_DIR = /^step-0*(\d+)$/;

/**
 * Turn what the user passed (`pa eval --compare a b …`) into evaluations: a results.json file, a
 * folder holding one (an eval --out folder, or a checkpoint with `eval/results.json`), or a
 * training run whose `checkpoints/step-*` folders hold evals (expanded in step order).
 */
export async function loadEvaluations(paths: readonly string[]): Promise<LabelledResults[]> {
  const found: LabelledResults[] = [];
  for (const path of paths) {
    const direct = resultsFileIn(path);
    if (direct) {
      found.push(await readResults(direct, labelOf(path), stepOf(path)));
      continue;
    }
    const checkpoints = runFolderPaths(path).checkpoints;
    const stepDirs = existsSync(checkpoints) ? readdirSync(checkpoints).filter((n) => STEP_DIR.test(n)) : [];
    const evaluated = stepDirs.map((n) => ({ name: n, file: resultsFileIn(join(checkpoints, n)) })).filter((e) => e.file);
    if (evaluated.length === 0) {
      throw new UserError(
        `${path} holds no evaluation: expected a results.json file, a folder with results.json or eval/results.json, or a training run whose ` +
          'checkpoints/step-*/eval/results.json exist. Run `pa eval` on the checkpoint(s) first, or pass the folders that hold results.json.',
        'PA_EVAL_NO_RESULTS',
      );
    }
    for (const e of evaluated) found.push(await readResults(e.file!, e.name, Number(STEP_DIR.exec(e.name)![1])));
  }
  // Checkpoints of one run read best in step order; anything else keeps the order given.
  return found.every((f) => f.step !== null) ? found.sort((a, b) => a.step! - b.step!) : found;
}

function resultsFileIn(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (statSync(path).isFile()) return path;
  return [join(path, 'results.json'), join(path, 'eval', 'results.json')].find((f) => existsSync(f));
}

/** `runs/x/checkpoints/step-000200/eval/results.json` → `step-000200`; `out/ckpt-a` → `ckpt-a`. */
function labelOf(path: string): string {
  let dir = resolve(path);
  if (basename(dir) === 'results.json') dir = dirname(dir);
  if (basename(dir) === 'eval') dir = dirname(dir);
  return basename(dir);
}

function stepOf(path: string): number | null {
  const match = /step-0*(\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

async function readResults(file: string, label: string, step: number | null): Promise<LabelledResults> {
  let results: EvalResults;
  try {
    results = JSON.parse(await readFile(file, 'utf8')) as EvalResults;
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${(error as Error).message}); re-run that evaluation.`, 'PA_EVAL_BAD_RESULTS', { cause: error });
  }
  if (typeof results.perBenchmarkAccuracy !== 'number' || typeof results.benchmarks !== 'object') {
    throw new UserError(`${file} is not a results.json written by pa eval (no perBenchmarkAccuracy / benchmarks); pass eval result folders only.`, 'PA_EVAL_BAD_RESULTS');
  }
  return { label, step, path: file, results };
}
