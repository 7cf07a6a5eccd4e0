import { DEFAULT_LOSS, DEFAULT_OPTIMIZER } from '@prompt-aug/plugin-api';
import { z } from 'zod';

/**
 * Everything a training run needs, with the paper's recipe (paper.md §3) as the defaults.
 * A run's config is written to `<out>/config.json`, so a resumed run checks it trains the same thing.
 */
/** Bounds that keep a typo (1000000000000) a clear config error instead of an allocation that fails far away. */
const MAX_PROMPTS_PER_STEP = 1_000_000;
const MAX_ROLLOUTS_PER_PROMPT = 4096;
const MAX_SEQUENCE_TOKENS = 1_048_576;

export const PRESET_NAMES = ['paper', 'grpo', 'dr-grpo', 'dapo'] as const;

/** The training backend when none is named: ONNX Runtime (exact against torch, and 4-7x faster than backend-tfjs on CPU). */
export const DEFAULT_TRAINING_BACKEND = 'backend-ort';

export const trainConfigSchema = z.object({
  preset: z.enum(PRESET_NAMES).default('paper').describe('named recipe the other values start from'),
  model: z.string().min(1).describe('Hugging Face model folder or hub id'),
  data: z.string().min(1).describe('dataset file (.jsonl/.json/.parquet) or known name (math-level3to5)'),
  dataDir: z.string().optional().describe('folder with local copies of known datasets'),
  // Optional without defaults, so runs saved before these keys existed keep their config hash.
  problemField: z.string().min(1).optional().describe('dotted path of the problem column (default: problem, prompt, question, input)'),
  answerField: z.string().min(1).optional().describe('dotted path of the answer column (default: answer, gt_answer, ground_truth, ...)'),
  idField: z.string().min(1).optional().describe('dotted path of the id column (default: id, unique_id, extra_info.index)'),
  onBadRow: z.enum(['error', 'skip']).optional().describe('a malformed dataset row stops the run (error, default) or is dropped with a warning (skip)'),
  out: z.string().min(1).describe('run folder: checkpoints, metrics.jsonl, tensorboard/'),
  plugin: z.string().default('templates-diverse').describe('template-set plugin'),
  verifier: z.string().default('verifier-math').describe('verifier plugin (the reward)'),
  backend: z.string().default(DEFAULT_TRAINING_BACKEND).describe('training backend plugin (backend-ort by default; backend-tfjs is the other built-in one)'),
  device: z.string().optional().describe('backend device (default: the best found)'),
  rollout: z
    .object({
      backend: z.string().optional().describe('rollout engine backend (default: the training backend itself)'),
      syncEvery: z.number().int().positive().default(1).describe('steps between weight syncs to a separate rollout engine'),
      batchSize: z.number().int().positive().default(64).describe('sequences per generate call'),
      logprobsFromGeneration: z.boolean().default(true).describe('when the training policy generates its own rollouts, take the old log-probs from generation instead of re-scoring'),
      servers: z.array(z.string().min(1)).min(1).optional().describe('rollout server roots for --rollout-backend server (http://host:port)'),
      serverKind: z.enum(['vllm', 'sglang', 'openai']).optional().describe('what the rollout servers speak: vllm (default; pa serve too), sglang, or openai (text only)'),
      maxStaleness: z.number().int().nonnegative().default(0).describe('0: generate each step with the latest weights (synchronous, exact); ≥ 1: generate the next step while this one trains (rollouts one step old)'),
      correction: z.enum(['tis', 'mis', 'none']).default('tis').describe('off-policy correction against a separate engine\'s log-probs: tis (per-token truncated importance weight), mis (mask sequences outside a band), none'),
      correctionCap: z.number().gt(1).default(2).describe('TIS: the weight cap C; MIS: sequences whose geometric-mean ratio leaves [1/C, C] are masked'),
      syncDir: z.string().min(1).optional().describe('folder the trainer writes synced weights to (step-NNNNNN/); the rollout servers must read it at the same path'),
    })
    .default({ syncEvery: 1, batchSize: 64, logprobsFromGeneration: true, maxStaleness: 0, correction: 'tis', correctionCap: 2 }),
  seed: z.number().int().default(42),
  epochs: z.number().int().positive().default(60),
  maxSteps: z.number().int().positive().optional().describe('stop after this many steps (default: all epochs)'),
  promptsPerStep: z.number().int().positive().max(MAX_PROMPTS_PER_STEP, `at most ${MAX_PROMPTS_PER_STEP} prompts per step (paper: 128)`).default(128),
  rolloutsPerPrompt: z
    .number()
    .int()
    .min(2, 'GRPO compares the rollouts of a prompt with each other: with 1 rollout every advantage is 0 and nothing is learned; use 2 or more (paper: 8)')
    .max(MAX_ROLLOUTS_PER_PROMPT, `at most ${MAX_ROLLOUTS_PER_PROMPT} rollouts per prompt (paper: 8)`)
    .default(8),
  miniBatchPrompts: z.number().int().positive().default(32).describe('prompts per optimizer update (4 updates per step by default)'),
  miniBatchByLength: z.boolean().default(true).describe('split prompt groups into mini-batches in order of prompt length, so each pads less (same rollouts, fewer padded tokens)'),
  microBatchSize: z.number().int().positive().default(8).describe('sequences per forward/backward (gradient accumulation)'),
  maxPromptTokens: z.number().int().positive().max(MAX_SEQUENCE_TOKENS, `at most ${MAX_SEQUENCE_TOKENS} tokens (paper: 1024)`).default(1024),
  maxResponseTokens: z.number().int().positive().max(MAX_SEQUENCE_TOKENS, `at most ${MAX_SEQUENCE_TOKENS} tokens (paper: 3072)`).default(3072),
  sampling: z
    .object({ temperature: z.number().positive().default(1), topP: z.number().gt(0).lte(1).default(1), topK: z.number().int().nonnegative().default(0) })
    .default({ temperature: 1, topP: 1, topK: 0 }),
  loss: z
    .object({
      clipLow: z.number().nonnegative().default(DEFAULT_LOSS.clipLow),
      clipHigh: z.number().nonnegative().default(DEFAULT_LOSS.clipHigh),
      dualClip: z.number().gt(1).nullable().default(DEFAULT_LOSS.dualClip),
      aggregation: z.enum(['token-mean', 'seq-mean-token-sum', 'seq-mean-token-mean', 'seq-mean-token-sum-norm']).default(DEFAULT_LOSS.aggregation),
      klCoef: z.number().nonnegative().default(DEFAULT_LOSS.klCoef),
      klEstimator: z.enum(['low-var-kl', 'k1', 'k2']).default(DEFAULT_LOSS.klEstimator),
      entropyCoef: z.number().default(DEFAULT_LOSS.entropyCoef),
    })
    .default({ ...DEFAULT_LOSS }),
  optimizer: z
    .object({
      lr: z.number().positive().default(DEFAULT_OPTIMIZER.lr),
      betas: z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]).default(DEFAULT_OPTIMIZER.betas),
      eps: z.number().positive().default(DEFAULT_OPTIMIZER.eps),
      weightDecay: z.number().nonnegative().default(DEFAULT_OPTIMIZER.weightDecay),
      gradClip: z.number().positive().default(DEFAULT_OPTIMIZER.gradClip),
      schedule: z.enum(['constant', 'cosine', 'linear']).default('constant').describe('learning-rate schedule after warm-up (paper: constant)'),
      warmupSteps: z.number().int().nonnegative().default(0).describe('steps of linear learning-rate warm-up'),
      minLrRatio: z.number().min(0).max(1).default(0).describe('cosine/linear decay ends at lr × this on the last step'),
    })
    .default({ ...DEFAULT_OPTIMIZER, schedule: 'constant', warmupSteps: 0, minLrRatio: 0 }),
  reward: z
    .object({
      correctWeight: z.number().default(1),
      formatWeight: z.number().default(1).describe('weight of the template format reward (paper: 1; 0 = ablation)'),
      mode: z.enum(['train', 'eval']).default('train').describe('verifier extraction mode'),
    })
    .default({ correctWeight: 1, formatWeight: 1, mode: 'train' }),
  advantage: z
    .object({ normalizeByStd: z.boolean().default(true), epsilon: z.number().nonnegative().default(1e-6) })
    .default({ normalizeByStd: true, epsilon: 1e-6 }),
  dynamicSampling: z.boolean().default(false).describe('drop zero-variance groups and refill the batch (DAPO)'),
  saveEvery: z.number().int().positive().default(20),
  keepLast: z.number().int().positive().default(3),
  evalEvery: z.number().int().nonnegative().default(20).describe('0 = no periodic eval'),
  entropyCollapseThreshold: z.number().nonnegative().default(0.05).describe('warn when token-mean entropy falls below this'),
});

export type TrainConfig = z.output<typeof trainConfigSchema>;
export type TrainConfigInput = z.input<typeof trainConfigSchema>;
