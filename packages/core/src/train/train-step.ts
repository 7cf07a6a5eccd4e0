import { groupAdvantages } from './group-advantages.js';
import type { MathRecord } from '../data/math-record.js';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import type { Policy, TrainStepStats } from '@prompt-aug/plugin-api';
import type { Template, TemplatesPlugin, VerifierPlugin } from '@prompt-aug/plugin-api';
import { leftPad, rightPad } from '../decoding/padding.js';
import { chunk } from './batch-layout.js';
import { generateRollouts, type GeneratedResponse, type RolloutRequest } from './rollout.js';
import { scoreRollout, type RolloutScore } from './score-rollouts.js';
import { buildStepPrompts } from './step-prompts.js';
import { importanceWeights, mismatchMetrics, type Mismatch } from './off-policy.js';
import type { TrainConfig } from './train-config.js';
import { entropyByTemplate } from './entropy-by-template.js';

export interface StepContext {
  config: TrainConfig;
  policy: Policy;
  /** The engine that generates rollouts (the policy itself, or a synced copy on another backend). */
  rolloutPolicy: Policy;
  referencePolicy?: Policy;
  tokenizer: ModelTokenizer;
  templates: TemplatesPlugin;
  verifier: VerifierPlugin;
  records: readonly MathRecord[];
}

export type Rollout = RolloutRequest & GeneratedResponse & { template: Template };

export interface StepResult {
  /** The rollouts trained on (with dynamic sampling: the informative groups kept). */
  rollouts: Rollout[];
  scores: RolloutScore[];
  /** Everything generated this step, for unbiased reward/accuracy metrics (= rollouts/scores without dynamic sampling). */
  generated: { rollouts: Rollout[]; scores: RolloutScore[] };
  advantages: number[];
  /** Token-mean entropy of the pre-update policy over all response tokens. */
  entropy: number;
  /** The same per template (the trained rollouts' tokens of each). */
  entropyByTemplate: Record<string, number>;
  updates: TrainStepStats[];
  promptsTruncated: number;
  seconds: { generate: number; reward: number; logprobs: number; update: number };
  /** Trainer vs separate rollout engine log-probs, when the engine gave them. */
  mismatch?: Mismatch;
}

/**
 * One GRPO step: prompts → n rollouts each → rewards → group advantages → old log-probs of
 * the pre-update policy (from generation when it gave them) → one optimizer update per
 * mini-batch of prompt groups.
 */
export async function runTrainStep(ctx: StepContext, step: number, epoch: number, dataIndices: readonly number[], refill?: RefillSource): Promise<StepResult> {
  return trainOnRollouts(ctx, await generateStepRollouts(ctx, step, epoch, dataIndices, refill));
}

/** A step's rollouts, generated and rewarded, before any training on them. */
export interface StepRollouts {
  round: Round;
  generated: Round;
  promptsTruncated: number;
  seconds: StepResult['seconds'];
}

/** The generation half of a step (with dynamic sampling's refills); it can run while the previous step trains. */
export async function generateStepRollouts(ctx: StepContext, step: number, epoch: number, dataIndices: readonly number[], refill?: RefillSource): Promise<StepRollouts> {
  const { config } = ctx;
  const seconds = { generate: 0, reward: 0, logprobs: 0, update: 0 };
  let round = await generateRound(ctx, step, epoch, dataIndices, 0, seconds);
  let generated = round;
  let promptsTruncated = round.promptsTruncated;
  if (config.dynamicSampling && refill) {
    // DAPO's dynamic sampling: groups whose rewards are all equal carry no gradient; replace them.
    let kept = keepInformativeGroups(round);
    let nextGroup = dataIndices.length;
    for (let attempt = 0; kept.groups.length < dataIndices.length && attempt < MAX_REFILLS; attempt++) {
      const more = refill(attempt);
      const extra = await generateRound(ctx, step, epoch, more, nextGroup, seconds);
      nextGroup += more.length;
      promptsTruncated += extra.promptsTruncated;
      generated = mergeRounds(generated, extra);
      kept = mergeRounds(kept, keepInformativeGroups(extra));
    }
    round = firstGroups(kept, dataIndices.length);
  }
  return { round, generated, promptsTruncated, seconds };
}

/** The training half of a step: advantages, old log-probs, off-policy weights, optimizer updates. */
export async function trainOnRollouts(ctx: StepContext, input: StepRollouts): Promise<StepResult> {
  const { config } = ctx;
  const { round, generated, promptsTruncated, seconds } = input;
  const { rollouts, scores, groups } = round;
  let t = performance.now();
  const advantages = groupAdvantages(scores.map((s) => s.reward), rollouts.map((r) => r.group), config.advantage);
  seconds.reward += (performance.now() - t) / 1000;
  t = performance.now();
  const rows = rollouts.map((_, i) => i);
  const old = generationScores(ctx, rollouts) ?? (await scoreRows(ctx.policy, rollouts, rows, config));
  const reference = ctx.referencePolicy && config.loss.klCoef > 0 ? await scoreRows(ctx.referencePolicy, rollouts, rows, config) : undefined;
  seconds.logprobs = (performance.now() - t) / 1000;
  const entropy = tokenMean(old.entropy, rollouts);
  const offPolicy = engineCorrection(ctx, rollouts, old.logprobs);

  t = performance.now();
  const updates: TrainStepStats[] = [];
  for (const groupChunk of chunk(config.miniBatchByLength ? byPromptLength(groups, rollouts) : groups, config.miniBatchPrompts)) {
    const inChunk = new Set(groupChunk);
    const batchRows = rows.filter((i) => inChunk.has(rollouts[i]!.group));
    const prompt = leftPad(batchRows.map((i) => rollouts[i]!.promptIds), ctx.policy.info.padTokenId);
    const response = rightPad(batchRows.map((i) => rollouts[i]!.responseIds), ctx.policy.info.padTokenId);
    updates.push(
      await ctx.policy.trainStep!({
        promptIds: prompt.ids,
        promptMask: prompt.mask,
        responseIds: response.ids,
        responseMask: response.mask,
        temperature: config.sampling.temperature,
        // Per-token rows have their response's length, so padding them like the responses lines them up.
        oldLogprobs: rightPad(batchRows.map((i) => old.logprobs[i]!), 0).ids,
        advantages: batchRows.map((i) => advantages[i]!),
        refLogprobs: reference ? rightPad(batchRows.map((i) => reference.logprobs[i]!), 0).ids : undefined,
        microBatchSize: config.microBatchSize,
        ...(offPolicy?.weights ? { tokenWeights: rightPad(batchRows.map((i) => offPolicy.weights![i]!), 0).ids } : {}),
      }),
    );
  }
  seconds.update = (performance.now() - t) / 1000;
  return { rollouts, scores, generated: { rollouts: generated.rollouts, scores: generated.scores }, advantages, entropy, entropyByTemplate: entropyByTemplate(old.entropy, rollouts), updates, promptsTruncated, seconds, ...(offPolicy ? { mismatch: offPolicy.mismatch } : {}) };
}

/**
 * With a separate rollout engine that gave its log-probs: the mismatch against the trainer's
 * recomputed old log-probs, and the importance weights of the configured correction.
 */
function engineCorrection(ctx: StepContext, rollouts: readonly Rollout[], trainerOld: number[][]): { mismatch: Mismatch; weights?: number[][] } | undefined {
  if (ctx.rolloutPolicy === ctx.policy || !rollouts.every((r) => r.logprobs && r.logprobs.length === r.responseIds.length)) return undefined;
  const engine = rollouts.map((r) => r.logprobs!);
  const { correction, correctionCap } = ctx.config.rollout;
  return {
    mismatch: mismatchMetrics(trainerOld, engine, correctionCap),
    ...(correction !== 'none' ? { weights: importanceWeights(trainerOld, engine, correction, correctionCap) } : {}),
  };
}

/**
 * Groups in order of their longest prompt (stable). Templates' prompts differ a lot in length
 * (36–119 tokens in the demo), and a mini-batch pads every row to its longest prompt.
 */
function byPromptLength(groups: readonly number[], rollouts: readonly Rollout[]): number[] {
  const longest = new Map<number, number>();
  for (const r of rollouts) longest.set(r.group, Math.max(longest.get(r.group) ?? 0, r.promptIds.length));
  return groups.map((group, index) => ({ group, index })).sort((a, b) => longest.get(a.group)! - longest.get(b.group)! || a.index - b.index).map((g) => g.group);
}

/** Dataset indices of extra prompts for refill attempt `attempt` of this step. */
export type RefillSource = (attempt: number) => number[];

export const MAX_REFILLS = 4;

export interface Round {
  rollouts: Rollout[];
  scores: RolloutScore[];
  /** Group ids in order of first appearance. */
  groups: number[];
  promptsTruncated: number;
}

/** Prompts → rollouts → scores; group ids start at `firstGroup` so rounds can be merged. */
async function generateRound(ctx: StepContext, step: number, epoch: number, dataIndices: readonly number[], firstGroup: number, seconds: StepResult['seconds']): Promise<Round> {
  const { config } = ctx;
  const prompts = buildStepPrompts(ctx.tokenizer, ctx.records, dataIndices, {
    templates: ctx.templates,
    seed: config.seed,
    epoch,
    step,
    rolloutsPerPrompt: config.rolloutsPerPrompt,
    maxPromptTokens: config.maxPromptTokens,
  });
  const requests = prompts.flatMap((p, k) => p.rollouts.map((r) => ({ promptIds: r.promptIds, group: firstGroup + k, template: r.template })));
  let t = performance.now();
  const rollouts = await generateRollouts(ctx.rolloutPolicy, ctx.tokenizer, requests, {
    maxNewTokens: config.maxResponseTokens,
    temperature: config.sampling.temperature,
    topP: config.sampling.topP,
    topK: config.sampling.topK,
    batchSize: config.rollout.batchSize,
    seed: mixSeed(config.seed, step) + firstGroup,
    // A separate engine's own log-probs feed the off-policy correction and the mismatch metrics.
    returnLogprobs: oldLogprobsFromGeneration(ctx) || ctx.rolloutPolicy !== ctx.policy,
  });
  seconds.generate += (performance.now() - t) / 1000;
  t = performance.now();
  const scores = rollouts.map((r) => scoreRollout(ctx.verifier, r.template, prompts[r.group - firstGroup]!.record.answers, r.responseText, config.reward));
  seconds.reward += (performance.now() - t) / 1000;
  return { rollouts, scores, groups: prompts.map((_, k) => firstGroup + k), promptsTruncated: prompts.filter((p) => p.truncated).length };
}

function keepInformativeGroups(round: Round): Round & { groups: number[] } {
  const rewards = new Map<number, Set<number>>();
  round.rollouts.forEach((r, i) => (rewards.get(r.group) ?? rewards.set(r.group, new Set()).get(r.group)!).add(round.scores[i]!.reward));
  const informative = new Set(round.groups.filter((g) => rewards.get(g)!.size > 1));
  const keep = round.rollouts.map((r) => informative.has(r.group));
  return {
    rollouts: round.rollouts.filter((_, i) => keep[i]),
    scores: round.scores.filter((_, i) => keep[i]),
    groups: round.groups.filter((g) => informative.has(g)),
    promptsTruncated: round.promptsTruncated,
  };
}

function mergeRounds(a: Round, b: Round): Round {
  return { rollouts: [...a.rollouts, ...b.rollouts], scores: [...a.scores, ...b.scores], groups: [...a.groups, ...b.groups], promptsTruncated: a.promptsTruncated + b.promptsTruncated };
}

function firstGroups(round: Round, count: number): Round {
  const groups = round.groups.slice(0, count);
  const keep = new Set(groups);
  const mask = round.rollouts.map((r) => keep.has(r.group));
  return { rollouts: round.rollouts.filter((_, i) => mask[i]), scores: round.scores.filter((_, i) => mask[i]), groups, promptsTruncated: round.promptsTruncated };
}

/**
 * The old log-probs straight from generation, when the training policy generated the rollouts
 * itself this step (so they are its pre-update numbers) and gave them: this saves a forward
 * pass over every rollout. A separate rollout engine (e.g. ORT synced every k steps) may lag
 * the policy, so its rollouts are always re-scored.
 */
function generationScores(ctx: StepContext, rollouts: readonly Rollout[]): { logprobs: number[][]; entropy: number[][] } | null {
  if (!oldLogprobsFromGeneration(ctx) || !rollouts.every((r) => r.logprobs && r.entropy)) return null;
  return { logprobs: rollouts.map((r) => r.logprobs!), entropy: rollouts.map((r) => r.entropy!) };
}

function oldLogprobsFromGeneration(ctx: StepContext): boolean {
  return ctx.rolloutPolicy === ctx.policy && ctx.config.rollout.logprobsFromGeneration;
}

/** Per-token log-probs and entropy of each rollout's response (unpadded), in micro-batches. */
async function scoreRows(policy: Policy, rollouts: readonly Rollout[], rows: readonly number[], config: TrainConfig): Promise<{ logprobs: number[][]; entropy: number[][] }> {
  const logprobs: number[][] = [];
  const entropy: number[][] = [];
  for (const part of chunk(rows, config.microBatchSize)) {
    const prompt = leftPad(part.map((i) => rollouts[i]!.promptIds), policy.info.padTokenId);
    const response = rightPad(part.map((i) => rollouts[i]!.responseIds), policy.info.padTokenId);
    const out = await policy.logprobs({ promptIds: prompt.ids, promptMask: prompt.mask, responseIds: response.ids, responseMask: response.mask, temperature: config.sampling.temperature });
    part.forEach((i, k) => {
      const n = rollouts[i]!.responseIds.length;
      logprobs.push(out.logprobs[k]!.slice(0, n));
      entropy.push(out.entropy[k]!.slice(0, n));
    });
  }
  return { logprobs, entropy };
}

function tokenMean(values: readonly number[][], rollouts: readonly Rollout[]): number {
  let sum = 0;
  let count = 0;
  values.forEach((row, i) => {
    const n = rollouts[i]!.responseIds.length;
    for (let k = 0; k < n; k++) sum += row[k]!;
    count += n;
  });
  return count ? sum / count : 0;
}

/** A per-step seed: the run's seed mixed with the step (so resumed steps sample identically). */
export function mixSeed(seed: number, step: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(step + 1, 0x165667b1)) >>> 0;
}
