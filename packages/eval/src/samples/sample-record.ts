import type { FinishReason } from '@prompt-aug/plugin-api';

/**
 * One graded generation: a line of `samples.jsonl`. The key (benchmark, id, run, sample) is
 * unique in a finished run; resume regenerates exactly the keys that are missing.
 */
export interface SampleRecord {
  benchmark: string;
  /** The benchmark row's id (MathRecord.id). */
  id: string;
  /** 0-based repeat of the whole evaluation (the paper averages 5 runs). */
  run: number;
  /** 0-based sample index within a run (k samples per question when k > 1). */
  sample: number;
  prompt: string;
  response: string;
  /** The answer the grader took from the response, or null when it found none. */
  extracted: string | null;
  correct: boolean;
  /** The grader's reason code for the verdict, when the verifier gives one. */
  reason?: string;
  /** The other grader's verdict (the paper protocol next to the corrected grader, or the reverse). */
  second?: { grader: 'eval' | 'train' | 'paper'; correct: boolean; extracted: string | null };
  /** Why the two graders differ on this sample (a DifferenceReason code), when they do. */
  difference?: string;
  /** Generated tokens (including the EOS token when it stopped on one); null when unknown (`--responses`). */
  tokens: number | null;
  /** Why generation ended; `external` for responses generated elsewhere. */
  finishReason: FinishReason | 'external';
  /** Wall-clock milliseconds of the generate call that produced this sample (a whole batch); 0 when external. */
  ms: number;
}

/** The identity of a sample, as one string for Map/Set lookups. */
export function sampleKey(s: { benchmark: string; id: string; run: number; sample: number }): string {
  return `${s.benchmark}\u0000${s.id}\u0000${s.run}\u0000${s.sample}`;
}
