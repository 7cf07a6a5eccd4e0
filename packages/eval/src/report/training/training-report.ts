import { atomicWriteFile, UserError } from '@prompt-aug/core';
import { configDifferences, type ConfigDifference } from './config-diff.js';
import { loadTrainingRun, type TrainingRun } from './load-training-run.js';
import { TEMPLATE_METRICS } from './metric-charts.js';
import { collapseSpans, templatesSeen } from './run-facts.js';
import { renderTrainingPage } from './training-page.js';

export interface TrainingReportOptions {
  /** Write the page here (atomically). */
  outFile?: string;
  /** Most points drawn per curve (default 600). */
  maxPoints?: number;
}

export interface TrainingReportRun {
  name: string;
  dir: string;
  steps: number;
  firstStep: number | null;
  lastStep: number | null;
  templates: string[];
  evals: number;
  entropyCollapse: { from: number; to: number }[];
  differsFromFirst: ConfigDifference[];
}

export interface TrainingReport {
  runs: TrainingReportRun[];
  html: string;
  file?: string;
}

/** `pa report <run>…`: read the run folders and render (and write) one self-contained HTML page. */
export async function trainingReport(paths: readonly string[], options: TrainingReportOptions = {}): Promise<TrainingReport> {
  if (paths.length === 0) throw new UserError('pa report needs at least one training run folder (the --out of pa train), e.g. pa report runs/demo.', 'PA_REPORT_NO_RUNS');
  const runs: TrainingRun[] = [];
  for (const path of paths) runs.push(await loadTrainingRun(path));
  const html = renderTrainingPage(runs, { maxPoints: options.maxPoints ?? 600, generatedAt: new Date().toISOString() });
  if (options.outFile) await atomicWriteFile(options.outFile, html);
  const groups = TEMPLATE_METRICS.map((m) => m.group);
  return {
    runs: runs.map((run) => ({
      name: run.name, dir: run.dir, steps: run.steps.length, firstStep: run.steps[0] ?? null, lastStep: run.steps.at(-1) ?? null,
      templates: templatesSeen(run, groups), evals: run.evals.length, entropyCollapse: collapseSpans(run),
      differsFromFirst: configDifferences(runs[0]!.config, run.config),
    })),
    html,
    ...(options.outFile ? { file: options.outFile } : {}),
  };
}
