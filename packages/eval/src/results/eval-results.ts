import type { Aggregate } from '../aggregate/aggregate-samples.js';
import type { GenerationSettings } from '../generate/generation-settings.js';
import type { GraderMode } from '../grading/grade-response.js';
import type { SecondGraderResults } from '../aggregate/second-grader-summary.js';

export const RESULTS_SCHEMA = 'prompt-aug/eval-results@1';

/** What was evaluated and how (enough to reproduce, and to refuse a mismatched --resume). */
export interface EvalConfig {
  mode: 'generate' | 'responses';
  /** The checkpoint / model label, or the responses file. */
  model: string | null;
  benchmarks: string[];
  limit: number | null;
  dataDir: string | null;
  template: string;
  grader: GraderMode;
  /** Decoding settings; null in `--responses` mode (generated elsewhere). */
  generation: GenerationSettings | null;
  /** k: samples per question per run. */
  samples: number;
  runs: number;
}

/** The contents of `results.json`. All accuracies are percentages in [0, 100], unrounded. */
export interface EvalResults extends Aggregate {
  schema: typeof RESULTS_SCHEMA;
  config: EvalConfig;
  versions: Record<string, string>;
  timings: {
    startedAt: string;
    finishedAt: string;
    totalMs: number;
    /** Wall time inside policy.generate (0 in --responses mode). */
    generationMs: number;
    /** Wall time inside the verifier. */
    gradingMs: number;
    /** Samples taken from an earlier run by --resume (not generated again). */
    resumedSamples: number;
    generatedSamples: number;
  };
  /**
   * The same samples under the other grader (the paper's protocol next to prompt-aug's corrected
   * grader, or the reverse), and every sample the two score differently with a reason code.
   */
  secondGrader?: SecondGraderResults;
  /** Dataset and matching remarks worth reading (size mismatches, questions without responses). */
  warnings: string[];
}
