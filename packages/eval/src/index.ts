// Public API of @prompt-aug/eval. Everything not exported here is internal.
// Entry points the CLI calls: runEval (generate), scoreResponses (--responses),
// compareEvaluations (several checkpoints / a run folder), evaluateCheckpoint (trainer hook).
export { runEval, type RunEvalOptions, type EvalOutcome } from './run-eval.js';
export { scoreResponses, type ScoreResponsesOptions } from './responses/score-responses.js';
export { evaluateCheckpoint, checkpointEvalHook, checkpointMetrics, type EvaluateCheckpointOptions, type CheckpointScore } from './evaluate-checkpoint.js';
export { evaluateMany, type EvaluateManyOptions, type EvaluateManyResult } from './evaluate-many.js';
export { compareEvaluations, type Comparison } from './report/compare/compare-evaluations.js';
export { loadEvaluations, type LabelledResults } from './report/compare/load-evaluations.js';
export { formatComparisonTable } from './report/compare/comparison-table.js';
export { renderComparisonPage } from './report/compare/comparison-page.js';

export { loadBenchmarks, DEFAULT_BENCHMARKS, type Benchmark, type LoadBenchmarksOptions } from './benchmarks/load-benchmarks.js';
export { loadEvalPlugins, type EvalPlugins, type LoadEvalPluginsOptions } from './benchmarks/eval-plugins.js';
export { DEFAULT_GENERATION, resolveGenerationSettings, type GenerationSettings } from './generate/generation-settings.js';
export { makeGrader, type GraderMode, type Grade, type GradeFn } from './grading/grade-response.js';
export { differenceReason, type DifferenceReason, type GraderVerdict } from './grading/difference-reason.js';

export { aggregateSamples, type Aggregate } from './aggregate/aggregate-samples.js';
export { benchmarkStats, type BenchmarkStats } from './aggregate/benchmark-stats.js';
export { averages, type Averages, type BenchmarkRow } from './aggregate/averages.js';
export { passAtK } from './aggregate/pass-at-k.js';
export { majorityVote, type Vote, type MajorityResult } from './aggregate/majority-vote.js';

export { RESULTS_SCHEMA, type EvalResults, type EvalConfig } from './results/eval-results.js';
export { RESULTS_FILE, SAMPLES_FILE, REPORT_FILE, type EvalOutputFiles } from './results/write-eval-outputs.js';
export { readSamples, type ReadSamplesResult } from './samples/read-samples.js';
export type { SampleRecord } from './samples/sample-record.js';
export { formatResultsTable } from './report/terminal-table.js';
export { renderResultsPage, type ResultsPageOptions } from './report/html/results-page.js';
export { EVAL_VERSION } from './version.js';

export { runOpenAiEval, type RunOpenAiEvalOptions } from './openai/run-openai-eval.js';
export { createCompletionsClient, completionsBaseUrl, type CompletionsClient, type CompletionsClientOptions, type CompletionRequest, type Completion } from './openai/completions-client.js';
export { backoffDelayMs, DEFAULT_RETRY, type RetryPolicy } from './openai/backoff.js';

export { trainingReport, type TrainingReport, type TrainingReportOptions, type TrainingReportRun } from './report/training/training-report.js';
export { loadTrainingRun, type TrainingRun } from './report/training/load-training-run.js';
