import type { ErrorCodeEntry } from './entry.js';

/** Evaluation: flags, benchmarks, results and resuming. */
export const EVALUATION_CODES = {
  PA_EVAL_BAD_FLAG: {
    meaning: 'A generation flag of `pa eval` is out of range or contradicts another (e.g. several samples with greedy decoding).',
    fix: 'Set the flag as the message says (e.g. a whole number >= 1, --top-p in (0, 1], a sampling --temperature).',
  },
  PA_EVAL_BAD_LIMIT: {
    meaning: '--limit is not a positive whole number.',
    fix: 'Pass --limit as the number of questions per benchmark, e.g. --limit 50.',
  },
  PA_EVAL_EMPTY_BENCHMARK: {
    meaning: 'A benchmark file has no questions.',
    fix: 'Check the benchmark file, or pick another benchmark.',
  },
  PA_EVAL_NO_TEMPLATE: {
    meaning: 'The template asked for is not in the templates plugin.',
    fix: 'Pass one of the template ids the message lists with --template, or name the plugin that provides it.',
  },
  PA_EVAL_NOT_A_CHECKPOINT: {
    meaning: 'A path given to `pa eval` is neither a model folder nor a training run with finished checkpoints.',
    fix: 'Pass a checkpoint folder, a run folder written by `pa train`, or a Hub model id.',
  },
  PA_EVAL_OUT_NOT_EMPTY: {
    meaning: 'The eval output folder already holds samples from an earlier evaluation.',
    fix: 'Pass --resume to continue it, or choose another --out folder.',
  },
  PA_EVAL_RESUME_MISMATCH: {
    meaning: 'An evaluation was resumed with different settings than it started with.',
    fix: 'Resume with the original settings, or evaluate into a new --out folder.',
  },
  PA_EVAL_BAD_SAMPLES: {
    meaning: 'A line of samples.jsonl other than the last is not a complete sample record.',
    fix: 'Fix or delete that line, or start a fresh evaluation in another --out folder.',
  },
  PA_EVAL_NO_RESPONSES: {
    meaning: 'The --responses file cannot be read, is empty, or has no line for the selected benchmarks.',
    fix: 'Check the path, its contents, and that --benchmarks matches the lines\' "benchmark" fields.',
  },
  PA_EVAL_BAD_RESPONSE_LINE: {
    meaning: 'A line of the --responses file is not a valid response record.',
    fix: 'Make each line a JSON object with "benchmark", "response" and "id" or "problem".',
  },
  PA_EVAL_UNMATCHED_RESPONSE: {
    meaning: 'A response line matches no question of its benchmark.',
    fix: 'Check its "benchmark" field and that the responses were made for the same benchmark files (see --data-dir).',
  },
  PA_EVAL_DUPLICATE_RESPONSE: {
    meaning: 'Two response lines answer the same question, run and sample.',
    fix: 'Give each line a distinct "sample" (or "run"), or drop the duplicate.',
  },
  PA_EVAL_NO_RESULTS: {
    meaning: 'A path given to compare evaluations holds no results.json.',
    fix: 'Run `pa eval` on the checkpoints first, or pass the folders that hold results.json.',
  },
  PA_EVAL_BAD_RESULTS: {
    meaning: 'A results.json is not valid JSON or was not written by `pa eval`.',
    fix: 'Re-run that evaluation, or pass eval result folders only.',
  },
  PA_EVAL_SAMPLES_FINGERPRINT_MISMATCH: {
    meaning: 'The samples in the output folder were generated from other model files or other sample settings than this evaluation\'s.',
    fix: 'Evaluate into a new --out folder, or delete the old samples.jsonl and samples.meta.json to start over.',
  },
  PA_EVAL_SAMPLES_UNFINGERPRINTED: {
    meaning: 'The output folder has a samples.jsonl without the samples.meta.json that says which model and settings made it.',
    fix: 'Evaluate into a new --out folder, or delete that samples.jsonl to start over.',
  },
  PA_EVAL_SAMPLES_FOREIGN: {
    meaning: 'The samples file to resume holds lines this evaluation would not have written (unknown questions, runs or samples out of range, duplicates, other prompts).',
    fix: 'Remove those lines, resume with the original --benchmarks/--limit/--runs/--samples, or evaluate into a new --out folder.',
  },
  PA_EVAL_OUT_LOCKED: {
    meaning: 'Another evaluation is writing the same output folder.',
    fix: 'Wait for it to finish or use another --out folder; delete eval.lock only if that process is really gone.',
  },
  PA_REPORT_RUN_FOLDER_MISSING: {
    meaning: 'A folder given to `pa report` does not exist.',
    fix: 'Pass training run folders (the --out of pa train).',
  },
  PA_REPORT_METRICS_MISSING: {
    meaning: 'A folder given to `pa report` has no metrics.jsonl, so it is not a training run (or it has not finished a step yet).',
    fix: 'Pass the --out folder of a pa train run that has written at least one step.',
  },
  PA_REPORT_CONFIG_UNREADABLE: {
    meaning: 'A run\'s config.json cannot be read as JSON.',
    fix: 'Restore the run\'s config.json (pa train writes it at the start), or remove it to report without config differences.',
  },
  PA_REPORT_EVALS_CORRUPT: {
    meaning: 'A line in the middle of a run\'s metrics.jsonl or evals.jsonl is not valid JSON (a torn last line is tolerated).',
    fix: 'Fix or remove that line (the message names the file and line).',
  },
  PA_REPORT_NO_RUNS: {
    meaning: '`pa report` was given no run folder.',
    fix: 'Name one or more training run folders, e.g. `pa report runs/demo/run`.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
