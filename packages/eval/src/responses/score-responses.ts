import { UserError } from '@prompt-aug/core';
import { aggregateSamples } from '../aggregate/aggregate-samples.js';
import { loadBenchmarks, type LoadBenchmarksOptions } from '../benchmarks/load-benchmarks.js';
import { loadEvalPlugins, type EvalPlugins, type LoadEvalPluginsOptions } from '../benchmarks/eval-plugins.js';
import { makeGrader, type GraderMode } from '../grading/grade-response.js';
import { timedGrader } from '../grading/timed-grader.js';
import { gradeWithBoth } from '../grading/both-graders.js';
import { goldValues } from '../grading/gold-values.js';
import { formatResultsTable } from '../report/terminal-table.js';
import { RESULTS_SCHEMA, type EvalResults } from '../results/eval-results.js';
import { writeEvalOutputs } from '../results/write-eval-outputs.js';
import type { EvalOutcome } from '../run-eval.js';
import { evalVersions } from '../run-eval.js';
import type { SampleRecord } from '../samples/sample-record.js';
import { writeSamplesFile } from '../samples/write-samples-file.js';
import { benchmarksInResponses, matchResponses } from './match-responses.js';
import { readResponses } from './read-responses.js';

export interface ScoreResponsesOptions {
  /** The `--responses` JSONL file. */
  responsesFile: string;
  outDir: string;
  /** `--benchmarks` (default: those the file mentions), `--data-dir`, `--limit`. */
  benchmarks?: LoadBenchmarksOptions;
  plugins?: EvalPlugins | LoadEvalPluginsOptions;
  grader?: GraderMode;
  /** Also grade with the other grader and list the differences (default true). */
  bothGraders?: boolean;
}

/** `pa eval --responses FILE`: grade generations made elsewhere; same outputs as a generation run. */
export async function scoreResponses(options: ScoreResponsesOptions): Promise<EvalOutcome> {
  const startedAt = new Date();
  const lines = await readResponses(options.responsesFile);
  const names = options.benchmarks?.names?.length ? options.benchmarks.names : benchmarksInResponses(lines);
  const benchmarks = await loadBenchmarks({ ...options.benchmarks, names });
  const plugins = options.plugins && 'verifierVersion' in options.plugins ? options.plugins : await loadEvalPlugins(options.plugins);
  const grader = options.grader ?? 'eval';
  const match = matchResponses(options.responsesFile, lines, benchmarks, options.benchmarks?.limit !== undefined);
  if (match.matched.length === 0) {
    throw new UserError(`No line of ${options.responsesFile} belongs to the selected benchmarks (${names.join(', ')}); check --benchmarks and the lines' "benchmark" fields.`, 'PA_EVAL_NO_RESPONSES');
  }
  const grade = timedGrader(makeGrader(plugins.verifier, grader, plugins.template));
  const primarySamples = match.matched.map((m): SampleRecord => {
    const { correct, extracted, reason } = grade.fn(goldValues(m.record), m.response);
    // The prompt used elsewhere is unknown; the problem text stands in for it.
    return { benchmark: m.benchmark, id: m.record.id, run: m.run, sample: m.sample, prompt: m.record.problem, response: m.response, extracted, correct, ...(reason !== undefined ? { reason } : {}), tokens: null, finishReason: 'external', ms: 0 };
  });
  const both = options.bothGraders === false
    ? { samples: primarySamples, summary: undefined, ms: 0 }
    : gradeWithBoth(benchmarks, primarySamples, plugins.verifier, grader, match.samplesPerQuestion, plugins.template);
  const samples = both.samples;
  const files = await writeSamplesFile(options.outDir, samples);
  const finishedAt = new Date();
  const results: EvalResults = {
    schema: RESULTS_SCHEMA,
    ...aggregateSamples(benchmarks.map((b) => b.name), samples, match.samplesPerQuestion),
    config: {
      mode: 'responses',
      model: options.responsesFile,
      benchmarks: benchmarks.map((b) => b.name),
      limit: options.benchmarks?.limit ?? null,
      dataDir: options.benchmarks?.dataDir ?? null,
      template: plugins.template.id,
      grader,
      generation: null,
      samples: match.samplesPerQuestion,
      runs: match.runs,
    },
    versions: evalVersions(plugins),
    timings: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      totalMs: finishedAt.getTime() - startedAt.getTime(),
      generationMs: 0,
      gradingMs: Math.round(grade.elapsedMs() + both.ms),
      resumedSamples: 0,
      generatedSamples: 0,
    },
    ...(both.summary ? { secondGrader: both.summary } : {}),
    warnings: [...benchmarks.flatMap((b) => b.warnings.map((w) => w.message)), ...match.warnings],
  };
  const written = await writeEvalOutputs(options.outDir, results, samples, benchmarks);
  return { results, samples, files: { ...written, samples: files }, table: formatResultsTable(results) };
}
