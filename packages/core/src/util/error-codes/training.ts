import type { ErrorCodeEntry } from './entry.js';

/** Training runs, checkpoints and metrics. */
export const TRAINING_CODES = {
  PA_RUN_EXISTS: {
    meaning: 'The training output folder already holds a run.',
    fix: 'Pass --resume to continue it, or choose another --out.',
  },
  PA_RESUME_CONFIG_MISMATCH: {
    meaning: 'A run was resumed with a different configuration than it was trained with.',
    fix: "Resume with the original flags and config (see the run's config.json), or start a new run with another --out.",
  },
  PA_NAN_LOSS: {
    meaning: 'The training loss became NaN or infinite; the last good checkpoint is kept.',
    fix: 'Lower the learning rate (--lr) or check the data and model, then continue with --resume.',
  },
  PA_DISK_FULL: {
    meaning: 'A checkpoint could not be written because the disk is full; earlier checkpoints are intact.',
    fix: 'Free some space (or lower --keep-last), then continue with --resume.',
  },
  PA_METRICS_EXISTS: {
    meaning: 'A fresh run would write into a metrics file that already holds rows from an earlier run.',
    fix: 'Resume that run, write to a new output folder, or delete the old metrics file.',
  },
  PA_METRICS_CORRUPT: {
    meaning: 'A line of metrics.jsonl other than the last is not a metrics row (the file was edited or corrupted).',
    fix: 'Fix or delete that line and run again.',
  },
  PA_METRICS_MISSING: {
    meaning: 'There is no metrics file at the given path.',
    fix: 'Point at a training output folder; a run writes metrics.jsonl after its first step.',
  },
  PA_DEMO_OPTION: {
    meaning: "A demo option (problem count or operand size) is not a whole number of 0 or more.",
    fix: 'Pass whole numbers, e.g. count 200, maxOperand 99.',
  },
  PA_PROBLEM_TOO_LONG: {
    meaning: 'A training problem is too long for the tokenizer to encode.',
    fix: 'Shorten the problem or remove that row from the dataset.',
  },
  PA_NO_INTACT_CHECKPOINT: {
    meaning: 'A run asked to resume has checkpoints, but none of them is intact.',
    fix: 'Start the run again in a new --out folder, or restore a checkpoint from a backup.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
