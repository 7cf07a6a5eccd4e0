import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Policy } from '@prompt-aug/plugin-api';
import { CORE_VERSION, ProgressBar, UserError } from '@prompt-aug/core';
import { type TextTokenizer } from '@prompt-aug/core/model';
import { aggregateSamples } from './aggregate/aggregate-samples.js';
import { loadBenchmarks, type Benchmark, type LoadBenchmarksOptions } from './benchmarks/load-benchmarks.js';
import { loadEvalPlugins, type EvalPlugins, type LoadEvalPluginsOptions } from './benchmarks/eval-plugins.js';
import { generateSamples } from './generate/generate-samples.js';
import { resolveGenerationSettings, type GenerationSettings } from './generate/generation-settings.js';
import { planWork } from './generate/plan-work.js';
import { checkAndRecordRunConfig, RUN_CONFIG_FILE } from './generate/resume-check.js';
import { makeGrader, type GraderMode } from './grading/grade-response.js';
import { timedGrader } from './grading/timed-grader.js';
import { gradeWithBoth } from './grading/both-graders.js';
import { formatResultsTable } from './report/terminal-table.js';
import { RESULTS_SCHEMA, type EvalConfig, type EvalResults } from './results/eval-results.js';
import { SAMPLES_FILE, writeEvalOutputs, type EvalOutputFiles } from './results/write-eval-outputs.js';
import { readSamples } from './samples/read-samples.js';
import { sampleKey, type SampleRecord } from './samples/sample-record.js';
import { SampleWriter } from './samples/sample-writer.js';
import { checkResumedSamples } from './samples/check-resumed-samples.js';
import { lockOutDir } from './samples/out-dir-lock.js';
import { writeSamplesFile } from './samples/write-samples-file.js';
import { assertSameFingerprint, computeSamplesMeta, readSamplesMeta, writeSamplesMeta } from './fingerprint/samples-meta.js';
import { EVAL_VERSION } from './version.js';

export interface RunEvalOptions {
  policy: Policy;
  tokenizer: TextTokenizer;
  /** Results folder (`--out`): samples.jsonl, results.json, report.html, eval-config.json. */
  outDir: string;
  /** Loaded benchmarks, or how to load them (`--benchmarks`, `--data-dir`, `--limit`). */
  benchmarks?: Benchmark[] | LoadBenchmarksOptions;
  /** Loaded plugins, or their names (`--template`, verifier). */
  plugins?: EvalPlugins | LoadEvalPluginsOptions;
  generation?: Partial<GenerationSettings>;
  /** `--grader` (default `eval`, the paper's last-boxed grader). */
  grader?: GraderMode;
  /** Keep the samples already in outDir/samples.jsonl and generate only the missing ones. */
  resume?: boolean;
  /** Checkpoint path or hub id, recorded in results.json. */
  model?: string;
  /** The local model folder: its weights, config and tokenizer files go into the samples' fingerprint. */
  modelDir?: string;
  /** Show a progress bar on stderr (default true; the CLI passes false under --json). */
  progress?: boolean;
}

export interface EvalOutcome {
  results: EvalResults;
  samples: SampleRecord[];
  files: EvalOutputFiles;
  /** The terminal table of results. */
  table: string;
}

/** Generate (or resume), grade, aggregate and write every output of one evaluation. */
export async function runEval(options: RunEvalOptions): Promise<EvalOutcome> {
  const startedAt = new Date();
  const settings = resolveGenerationSettings(options.generation);
  const benchmarks = Array.isArray(options.benchmarks) ? options.benchmarks : await loadBenchmarks(options.benchmarks);
  const plugins = isLoaded(options.plugins) ? options.plugins : await loadEvalPlugins(options.plugins);
  const grader = options.grader ?? 'eval';
  const limitOptions = Array.isArray(options.benchmarks) ? undefined : options.benchmarks;
  const config: EvalConfig = {
    mode: 'generate',
    model: options.model ?? null,
    benchmarks: benchmarks.map((b) => b.name),
    limit: limitOptions?.limit ?? inferredLimit(benchmarks),
    dataDir: limitOptions?.dataDir ?? null,
    template: plugins.template.id,
    grader,
    generation: settings,
    samples: settings.samples,
    runs: settings.runs,
  };
  const samplesPath = join(options.outDir, SAMPLES_FILE);
  const lock = await lockOutDir(options.outDir);
  try {
    const previousMeta = await readSamplesMeta(options.outDir);
    const meta = await computeSamplesMeta({ model: config.model, template: plugins.template, grader, generation: settings, ...(options.modelDir ? { modelDir: options.modelDir } : {}) }, previousMeta);
    const hasSamples = existsSync(samplesPath) && statSync(samplesPath).size > 0;
    // Checked first, with or without --resume: samples of another model or settings are never reused.
    if (hasSamples) assertSameFingerprint(samplesPath, previousMeta, meta);
    if (!options.resume && hasSamples) {
      throw new UserError(
        `${samplesPath} already holds samples from an earlier evaluation of this model with these settings. Pass --resume to continue it (only missing samples are generated), or choose another --out folder.`,
        'PA_EVAL_OUT_NOT_EMPTY',
      );
    }
    await checkAndRecordRunConfig(join(options.outDir, RUN_CONFIG_FILE), config, options.resume ?? false);
    await writeSamplesMeta(options.outDir, meta);
    return await generateAndReport(options, { startedAt, settings, benchmarks, plugins, grader, config, samplesPath });
  } finally {
    await lock.release();
  }
}

interface Prepared {
  startedAt: Date;
  settings: GenerationSettings;
  benchmarks: Benchmark[];
  plugins: EvalPlugins;
  grader: GraderMode;
  config: EvalConfig;
  samplesPath: string;
}

async function generateAndReport(options: RunEvalOptions, prepared: Prepared): Promise<EvalOutcome> {
  const { startedAt, settings, benchmarks, plugins, grader, config, samplesPath } = prepared;
  const grade = timedGrader(makeGrader(plugins.verifier, grader, plugins.template));
  const previous = options.resume ? await readSamples(samplesPath) : undefined;
  // Re-graded, and refused when foreign: a resume trusts nothing in the file but the responses.
  const resumed = previous
    ? checkResumedSamples({ path: samplesPath, previous, benchmarks, runs: settings.runs, samples: settings.samples, template: plugins.template, grade: grade.fn })
    : { kept: [], regraded: 0 };
  const kept = resumed.kept;
  const work = planWork(benchmarks, settings.runs, settings.samples, new Set(kept.map(sampleKey)));

  const writer = await SampleWriter.open(samplesPath, previous?.intactBytes);
  const bar = new ProgressBar({ label: 'eval', total: work.length, unit: 'samples', enabled: options.progress ?? true });
  let generationMs = 0;
  let generated: SampleRecord[];
  try {
    generated = await generateSamples({
      policy: options.policy,
      tokenizer: options.tokenizer,
      template: plugins.template,
      grade: grade.fn,
      items: work,
      settings,
      writer,
      onBatch: (n) => bar.increment(n),
      onGenerateMs: (ms) => (generationMs += ms),
    });
  } finally {
    await writer.close();
  }
  bar.finish();

  const both = gradeWithBoth(benchmarks, [...kept, ...generated], plugins.verifier, grader, settings.samples, plugins.template);
  const samples = both.samples;
  const finishedAt = new Date();
  const results: EvalResults = {
    schema: RESULTS_SCHEMA,
    ...aggregateSamples(config.benchmarks, samples, settings.samples),
    config,
    versions: evalVersions(plugins, options.policy.info.backend),
    timings: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      totalMs: finishedAt.getTime() - startedAt.getTime(),
      generationMs: Math.round(generationMs),
      gradingMs: Math.round(grade.elapsedMs() + both.ms),
      resumedSamples: kept.length,
      generatedSamples: generated.length,
    },
    ...(both.summary ? { secondGrader: both.summary } : {}),
    warnings: benchmarks.flatMap((b) => b.warnings.map((w) => w.message)),
  };
  // A verdict that changed on re-grading (a newer verifier) is written back, so the file agrees with results.json.
  if (resumed.regraded > 0) await writeSamplesFile(options.outDir, samples);
  const files = await writeEvalOutputs(options.outDir, results, samples, benchmarks);
  return { results, samples, files, table: formatResultsTable(results) };
}

export function evalVersions(plugins: EvalPlugins, backend?: string): Record<string, string> {
  return {
    '@prompt-aug/eval': EVAL_VERSION,
    '@prompt-aug/core': CORE_VERSION,
    verifier: plugins.verifierVersion,
    template: plugins.templateVersion,
    ...(backend ? { backend } : {}),
    node: process.version,
  };
}

/** Pre-loaded benchmarks cut short by a limit still record it (the longest cut benchmark's length). */
function inferredLimit(benchmarks: readonly Benchmark[]): number | null {
  const cut = benchmarks.filter((b) => b.records.length < b.fullSize);
  return cut.length > 0 ? Math.max(...cut.map((b) => b.records.length)) : null;
}

function isLoaded(plugins: RunEvalOptions['plugins']): plugins is EvalPlugins {
  return plugins !== undefined && 'verifier' in plugins && typeof (plugins as EvalPlugins).verifier === 'object';
}
