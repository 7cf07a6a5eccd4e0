import { UserError } from '@prompt-aug/core';

/** Decoding and repetition settings; the defaults are the paper's protocol (§4). */
export interface GenerationSettings {
  /** Up to this many new tokens per response (paper: 3000). */
  maxNewTokens: number;
  /** 0 = greedy (paper). */
  temperature: number;
  topP: number;
  /** 0 = no top-k filter. */
  topK: number;
  /** Base seed (paper: 42); each sample derives its own from it, its question, run and sample index. */
  seed: number;
  /** k samples per question per run. */
  samples: number;
  /** r repeats of the whole evaluation, averaged (paper: 5). */
  runs: number;
  /** Prompts per generate call. */
  batchSize: number;
  /** Extra stop strings (the paper's qwen_math eval sets none). */
  stopStrings: string[];
}

export const DEFAULT_GENERATION: GenerationSettings = {
  maxNewTokens: 3000,
  temperature: 0,
  topP: 1,
  topK: 0,
  seed: 42,
  samples: 1,
  runs: 1,
  batchSize: 16,
  stopStrings: [],
};

/** Fill defaults and reject values that cannot be meant, naming the flag to fix. */
export function resolveGenerationSettings(given: Partial<GenerationSettings> = {}): GenerationSettings {
  const s: GenerationSettings = { ...DEFAULT_GENERATION };
  for (const [key, value] of Object.entries(given) as [keyof GenerationSettings, unknown][]) {
    if (value !== undefined) (s as unknown as Record<string, unknown>)[key] = value;
  }
  const positiveInt = (flag: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new UserError(`--${flag} must be a whole number of at least 1; got ${v}.`, 'PA_EVAL_BAD_FLAG');
  };
  positiveInt('max-new-tokens', s.maxNewTokens);
  positiveInt('samples', s.samples);
  positiveInt('runs', s.runs);
  positiveInt('batch-size', s.batchSize);
  if (!(s.temperature >= 0) || !Number.isFinite(s.temperature)) throw new UserError(`--temperature must be 0 (greedy) or a positive number; got ${s.temperature}.`, 'PA_EVAL_BAD_FLAG');
  if (!(s.topP > 0 && s.topP <= 1)) throw new UserError(`--top-p must be in (0, 1]; got ${s.topP}.`, 'PA_EVAL_BAD_FLAG');
  if (!Number.isInteger(s.topK) || s.topK < 0) throw new UserError(`--top-k must be 0 (off) or a positive whole number; got ${s.topK}.`, 'PA_EVAL_BAD_FLAG');
  if (!Number.isInteger(s.seed)) throw new UserError(`--seed must be a whole number; got ${s.seed}.`, 'PA_EVAL_BAD_FLAG');
  if (s.samples > 1 && s.temperature === 0) {
    throw new UserError(
      `--samples ${s.samples} with --temperature 0 would produce ${s.samples} identical greedy answers per question; pass a sampling temperature (e.g. --temperature 0.6) or use --samples 1.`,
      'PA_EVAL_BAD_FLAG',
    );
  }
  return s;
}
