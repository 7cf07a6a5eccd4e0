import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTokenizer } from '../model/tokenizer-load.js';
import { writeTinyModel } from '../model/tiny-model.js';
import type { BpeMerges } from '../model/tiny-tokenizer.js';
import type { BackendPlugin } from '@prompt-aug/plugin-api';
import type { Template } from '@prompt-aug/plugin-api';
import type { MathRecord } from '../data/math-record.js';
import { TRAINER_STATE_DIR } from '../train/checkpoints.js';
import { atomicWriteFile, atomicWriteJson } from '../util/atomic-write.js';
import { arithmeticProblems } from './arithmetic-problems.js';
import { demoCorpus } from './demo-corpus.js';
import { formatExemplar } from './format-exemplar.js';
import { formatWarmup } from './format-warmup.js';
import { sloppyResult } from './sloppy-result.js';
import { trainByteLevelBpe } from './train-byte-level-bpe.js';

export interface DemoAssets {
  modelDir: string;
  dataFile: string;
  /** Config values (dotted keys) of the demo run; flags given by the user still win. */
  overrides: Record<string, unknown>;
}

export interface PrepareDemoOptions {
  dir: string;
  templates: readonly Template[];
  backend: BackendPlugin;
  /** The run's --device, so the warm-up runs (and a device that cannot start fails) where the run will. */
  device?: string;
  seed?: number;
  log?: (message: string) => void;
}

const READY = '.demo-ready.json';
const WARMUP_STEPS = 200;

/**
 * The demo model: a tiny tied Qwen2. initStd 0.1 ≈ 1/√hidden, not HF's 0.02: at 0.02 a 64-wide
 * model's q·k starts near 0 and the attention weights barely move (their gradients are
 * proportional to each other), so it never learns to read the operands; measured: the
 * supervised sum at chance after 300 steps vs solved in 150.
 */
export const DEMO_MODEL_SHAPE = { architecture: 'qwen2', hiddenSize: 64, intermediateSize: 192, numHiddenLayers: 2, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings: true, initStd: 0.1 } as const;

/**
 * The demo tokenizer's BPE merges, trained on what the demo tokenizes: the templates' prompts
 * for (up to) the first 260 problems and each template's answer exemplar, twice.
 */
export function demoTokenizerMerges(templates: readonly Template[], problems: readonly MathRecord[]): BpeMerges {
  const exemplars = templates.map((t) => formatExemplar(t, '7'));
  return trainByteLevelBpe([...demoCorpus(templates, problems.slice(0, 260)), ...exemplars, ...exemplars], { merges: 400 }).merges;
}

/**
 * Everything `pa train --demo` trains on, written under `dir` with no download: sums and
 * differences of digits 0–4 (every result one digit), a tokenizer trained on the demo's own
 * prompts (so the 13 templates' prompts are ~70 tokens), and a tiny Qwen2 model warmed up as a
 * stand-in for pretraining: it writes each template's answer format and works the sum out, but
 * the result it reports is right only 10% of the time (see sloppyResult). Reused when already prepared (e.g. on --resume).
 */
export async function prepareDemo(options: PrepareDemoOptions): Promise<DemoAssets> {
  const seed = options.seed ?? 42;
  const modelDir = join(options.dir, 'base-model');
  const dataFile = join(options.dir, 'data', 'arithmetic.jsonl');
  const assets = { modelDir, dataFile, overrides: demoOverrides(modelDir, dataFile, join(options.dir, 'run'), seed) };
  if (existsSync(join(options.dir, READY))) return assets;

  const problems = arithmeticProblems({ count: 2048, seed, maxOperand: 4 });
  await atomicWriteFile(dataFile, problems.map((p) => JSON.stringify({ id: p.id, problem: p.problem, answer: p.answers[0] })).join('\n') + '\n');
  const merges = demoTokenizerMerges(options.templates, problems);
  options.log?.(`demo: tokenizer with ${merges.length} merges trained on the demo prompts`);
  await writeTinyModel(modelDir, { ...DEMO_MODEL_SHAPE, merges, maxPositionEmbeddings: 4096, seed });

  const policy = await options.backend.load({ modelDir, ...(options.device ? { device: options.device } : {}), optimizer: { lr: 3e-3, weightDecay: 0, gradClip: 1 }, loss: { clipLow: 0.2, clipHigh: 0.28 } });
  try {
    const tokenizer = await loadTokenizer(modelDir);
    // The base model shows the right working but is a sloppy reporter: it writes `3 + 4 = 7, so r.` with r
    // right 10% of the time and otherwise off by 1 or 2 — like a base model whose samples contain the
    // answer (pass@k) but rarely commit to it (pass@1). GRPO then teaches it to report what it worked out.
    // Measured (seed 42, the engine and sampler of this version): this start 0.16 → 0.64 in 80 steps; the
    // earlier start, where the working restated the sloppy r so GRPO had to teach the sums themselves,
    // ended between 0.55 and 0.69 depending on seed and engine details (0.21 → 0.55 at seed 42), and
    // more warm-up (400 steps: 0.18 → 0.48) or wider offsets (±3: 0.17 → 0.40) made it worse.
    const workingOf = (problem: MathRecord, answer: string) => `${String(problem.meta.a)} ${String(problem.meta.op)} ${String(problem.meta.b)} = ${problem.answers[0]}, so ${answer}.\n`;
    const answerOf = sloppyResult({ rightRate: 0.1, offsets: [-2, -1, 1, 2] });
    const losses = await formatWarmup(policy, tokenizer, options.templates, problems, { steps: WARMUP_STEPS, batchSize: 32, seed, answerOf, workingOf });
    options.log?.(`demo: warm-up NLL per token ${losses[0]!.toFixed(3)} -> ${losses.at(-1)!.toFixed(3)} (a sloppy reporter: it knows the formats and works the sum out, but the result it reports is right only 10% of the time)`);
    await policy.save!(modelDir);
    // A base model carries no optimizer state: the GRPO run starts its AdamW moments from zero.
    await rm(join(modelDir, TRAINER_STATE_DIR), { recursive: true, force: true });
  } finally {
    await policy.dispose();
  }
  await atomicWriteJson(join(options.dir, READY), { seed, preparedAt: new Date().toISOString() });
  return assets;
}

function demoOverrides(model: string, data: string, out: string, seed: number): Record<string, unknown> {
  return {
    model, data, out, seed,
    plugin: 'templates-diverse',
    promptsPerStep: 16, rolloutsPerPrompt: 8, miniBatchPrompts: 8, microBatchSize: 64,
    maxPromptTokens: 256, maxResponseTokens: 32,
    epochs: 1000, maxSteps: 80,
    // Cosine decay to 0.1 × lr: measured with the earlier start against a constant lr, within seed noise (0.68 vs 0.67, 0.66 vs 0.63, 0.58 vs 0.60).
    // 10 warm-up steps: without them this start already learns within its first 5 steps (0.16 → 0.51 by step 5).
    'optimizer.lr': 1e-3, 'optimizer.weightDecay': 0, 'optimizer.schedule': 'cosine', 'optimizer.minLrRatio': 0.1, 'optimizer.warmupSteps': 10,
    'rollout.batchSize': 128,
    saveEvery: 20, keepLast: 2, evalEvery: 0,
  };
}
