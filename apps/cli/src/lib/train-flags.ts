import { Flags } from '@oclif/core';

/** `pa train` flags and the config key each one sets (flags override --config and --preset). */
export const trainFlags = {
  config: Flags.string({ char: 'c', description: 'YAML or JSON run config; flags override its values', helpGroup: 'CONFIG' }),
  preset: Flags.string({ description: 'named recipe: paper (default), grpo, dr-grpo, dapo', helpGroup: 'CONFIG' }),
  'print-config': Flags.boolean({ description: 'print the merged, validated config and exit', helpGroup: 'CONFIG' }),
  demo: Flags.boolean({ description: 'the built-in demo: a tiny model learns arithmetic with GRPO + templates-diverse on the CPU, no download (folder: --out, default runs/demo)', helpGroup: 'CONFIG' }),
  resume: Flags.boolean({ description: 'continue the run in --out from its newest checkpoint', helpGroup: 'CONFIG' }),
  model: Flags.string({ char: 'm', description: 'Hugging Face model folder or hub id (e.g. Qwen/Qwen2.5-Math-1.5B)' }),
  data: Flags.string({ char: 'd', description: 'training data: .jsonl/.json/.parquet file or a known name (math-level3to5)' }),
  'data-dir': Flags.string({ description: 'folder with local copies of known datasets (no download)' }),
  'problem-field': Flags.string({ description: 'dotted path of the problem column, when the data names it otherwise' }),
  'answer-field': Flags.string({ description: 'dotted path of the answer column, when the data names it otherwise' }),
  'id-field': Flags.string({ description: 'dotted path of the id column' }),
  'on-bad-row': Flags.string({ description: 'a malformed row stops the run (error) or is dropped with a warning (skip)', options: ['error', 'skip'] }),
  out: Flags.string({ char: 'o', description: 'run folder for checkpoints, metrics.jsonl and tensorboard/' }),
  plugin: Flags.string({ char: 'p', description: 'template-set plugin (default templates-diverse: prompt augmentation)' }),
  verifier: Flags.string({ description: 'verifier plugin used as the reward (default verifier-math)' }),
  backend: Flags.string({ char: 'b', description: 'training backend plugin: ort (default, ONNX Runtime) or tfjs (TensorFlow.js), or a plugin name' }),
  device: Flags.string({ description: 'backend device: cpu, cuda, webgpu (ort); cuda, tfjs-node, wasm, cpu (tfjs) (default: the best found; pa doctor lists them)' }),
  'rollout-backend': Flags.string({ description: 'generate rollouts with another backend (server: inference servers; or ort, tfjs), weights synced', helpGroup: 'ROLLOUT' }),
  'sync-every': Flags.integer({ description: 'steps between weight syncs to the rollout backend', helpGroup: 'ROLLOUT' }),
  'rollout-server': Flags.string({ description: 'with --rollout-backend server: an inference server root (http://host:port); repeat for a pool', multiple: true, helpGroup: 'ROLLOUT' }),
  'rollout-server-kind': Flags.string({ description: 'what the rollout servers speak: vllm (default; pa serve too), sglang, openai (text only)', options: ['vllm', 'sglang', 'openai'], helpGroup: 'ROLLOUT' }),
  'max-staleness': Flags.integer({ description: 'with a separate rollout engine: 0 = synchronous (default, exact); 1 = generate the next step while this one trains', min: 0, helpGroup: 'ROLLOUT' }),
  'sync-dir': Flags.string({ description: 'folder the trainer writes new weights to for the rollout servers (they must read it at the same path)', helpGroup: 'ROLLOUT' }),
  seed: Flags.integer({ description: 'run seed (data order, templates, sampling)', helpGroup: 'RECIPE' }),
  epochs: Flags.integer({ description: 'passes over the data (paper: 60)', helpGroup: 'RECIPE' }),
  'max-steps': Flags.integer({ description: 'stop after this many steps', helpGroup: 'RECIPE' }),
  'prompts-per-step': Flags.integer({ description: 'prompts per training step (paper: 128)', helpGroup: 'RECIPE' }),
  'rollouts-per-prompt': Flags.integer({ char: 'n', description: 'rollouts per prompt, the GRPO group size (paper: 8)', helpGroup: 'RECIPE' }),
  'mini-batch-prompts': Flags.integer({ description: 'prompts per optimizer update (paper: 32)', helpGroup: 'RECIPE' }),
  'mini-batch-by-length': Flags.boolean({ description: 'fill mini-batches in order of prompt length, so each pads less (default on)', allowNo: true, helpGroup: 'RECIPE' }),
  'micro-batch-size': Flags.integer({ description: 'sequences per forward/backward pass', helpGroup: 'RECIPE' }),
  'max-prompt-tokens': Flags.integer({ description: 'longer prompts are filtered out (paper: 1024)', helpGroup: 'RECIPE' }),
  'max-response-tokens': Flags.integer({ description: 'rollout length limit (paper: 3072)', helpGroup: 'RECIPE' }),
  lr: Flags.string({ description: 'learning rate (paper: 1e-6)', helpGroup: 'RECIPE' }),
  'lr-schedule': Flags.string({ description: 'after warm-up: constant (paper), cosine or linear decay', options: ['constant', 'cosine', 'linear'], helpGroup: 'RECIPE' }),
  'warmup-steps': Flags.integer({ description: 'steps of linear learning-rate warm-up (paper: 0)', helpGroup: 'RECIPE' }),
  'min-lr-ratio': Flags.string({ description: 'cosine/linear decay ends at lr × this (default 0)', helpGroup: 'RECIPE' }),
  temperature: Flags.string({ description: 'rollout sampling temperature (paper: 1)', helpGroup: 'RECIPE' }),
  'format-weight': Flags.string({ description: 'weight of the template format reward (paper: 1; 0 = ablation)', helpGroup: 'RECIPE' }),
  'kl-coef': Flags.string({ description: 'KL penalty to the initial model (paper: 0)', helpGroup: 'RECIPE' }),
  'dynamic-sampling': Flags.boolean({ description: 'drop zero-variance groups (DAPO)', allowNo: true, helpGroup: 'RECIPE' }),
  'save-every': Flags.integer({ description: 'steps between checkpoints (paper: 20)', helpGroup: 'CHECKPOINTS' }),
  'keep-last': Flags.integer({ description: 'checkpoints kept', helpGroup: 'CHECKPOINTS' }),
  'eval-every': Flags.integer({ description: 'steps between evals of a checkpoint on the five benchmarks (0: none)', helpGroup: 'CHECKPOINTS' }),
  'eval-limit': Flags.integer({ description: 'periodic eval: first n questions of each benchmark', helpGroup: 'CHECKPOINTS' }),
  'eval-max-new-tokens': Flags.integer({ description: 'periodic eval: generation limit (default 3000)', helpGroup: 'CHECKPOINTS' }),
  'eval-data-dir': Flags.string({ description: 'periodic eval: local benchmark files (default: --data-dir, else download)', helpGroup: 'CHECKPOINTS' }),
  'eval-backend': Flags.string({ description: 'periodic eval: generation backend (default: the fastest available)', helpGroup: 'CHECKPOINTS' }),
};

const KEY_OF: Record<string, string> = {
  model: 'model', data: 'data', 'data-dir': 'dataDir', 'problem-field': 'problemField', 'answer-field': 'answerField', 'id-field': 'idField', 'on-bad-row': 'onBadRow', out: 'out', plugin: 'plugin', verifier: 'verifier', backend: 'backend', device: 'device',
  preset: 'preset', 'rollout-backend': 'rollout.backend', 'sync-every': 'rollout.syncEvery', 'rollout-server': 'rollout.servers', 'rollout-server-kind': 'rollout.serverKind', 'sync-dir': 'rollout.syncDir', 'max-staleness': 'rollout.maxStaleness', seed: 'seed', epochs: 'epochs', 'max-steps': 'maxSteps',
  'prompts-per-step': 'promptsPerStep', 'rollouts-per-prompt': 'rolloutsPerPrompt', 'mini-batch-prompts': 'miniBatchPrompts', 'mini-batch-by-length': 'miniBatchByLength',
  'micro-batch-size': 'microBatchSize', 'max-prompt-tokens': 'maxPromptTokens', 'max-response-tokens': 'maxResponseTokens',
  lr: 'optimizer.lr', 'lr-schedule': 'optimizer.schedule', 'warmup-steps': 'optimizer.warmupSteps', 'min-lr-ratio': 'optimizer.minLrRatio', temperature: 'sampling.temperature', 'format-weight': 'reward.formatWeight', 'kl-coef': 'loss.klCoef',
  'dynamic-sampling': 'dynamicSampling', 'save-every': 'saveEvery', 'keep-last': 'keepLast', 'eval-every': 'evalEvery',
};

const NUMERIC_STRINGS = new Set(['lr', 'min-lr-ratio', 'temperature', 'format-weight', 'kl-coef']);

/** Flags as dotted config keys; numbers given as text (1e-6) become numbers, bad ones stay text so validation names them. */
export function trainFlagOverrides(flags: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(KEY_OF)) {
    const value = flags[flag];
    if (value === undefined) continue;
    out[key] = NUMERIC_STRINGS.has(flag) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}
