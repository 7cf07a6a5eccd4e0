import type { MetricsRow } from '../metrics/metric-types.js';
import { mean, meanByTemplate, summarizeResponseLengths, tokensPerSecond } from '../metrics/summarize-step.js';
import { weightVersionStep } from './rollout-sync.js';
import type { StepResult } from './train-step.js';

/**
 * The metrics row of one step (metrics.jsonl and TensorBoard): reward, accuracy and format
 * reward overall and per template, entropy of the pre-update policy, response lengths and
 * truncation, clip fractions, approx KL, grad norm, lr, time split and throughput.
 */
export function stepMetrics(step: number, epoch: number, result: StepResult, lr: number): MetricsRow {
  // Reward and accuracy describe the policy, so they cover every rollout generated this step
  // (dynamic sampling trains on the informative groups only, which would overstate accuracy).
  const { rollouts, scores } = result.generated;
  const { updates, seconds } = result;
  const perTemplate = (value: (i: number) => number) => meanByTemplate(rollouts.map((r, i) => ({ templateId: r.template.id, value: value(i) })));
  const lengths = summarizeResponseLengths({ lengths: rollouts.map((r) => r.responseIds.length), finishReasons: rollouts.map((r) => r.finishReason) });
  const generatedTokens = rollouts.reduce((sum, r) => sum + r.responseIds.length, 0);
  const trainedTokens = result.rollouts.reduce((sum, r) => sum + r.promptIds.length + r.responseIds.length, 0);
  const total = seconds.generate + seconds.reward + seconds.logprobs + seconds.update;
  const applied = updates.filter((u) => u.applied);
  return {
    step,
    epoch,
    reward: mean(scores.map((s) => s.reward)),
    accuracy: mean(scores.map((s) => (s.correct ? 1 : 0))),
    formatReward: mean(scores.map((s) => s.formatReward)),
    entropy: result.entropy,
    entropyByTemplate: result.entropyByTemplate,
    rewardByTemplate: perTemplate((i) => scores[i]!.reward),
    accuracyByTemplate: perTemplate((i) => (scores[i]!.correct ? 1 : 0)),
    formatRewardByTemplate: perTemplate((i) => scores[i]!.formatReward),
    responseLength: { mean: lengths.meanLength, max: lengths.maxLength },
    truncatedFraction: lengths.truncatedFraction,
    promptsTruncated: result.promptsTruncated,
    zeroAdvantageGroupsFraction: zeroAdvantageGroups(result),
    trainedRollouts: result.rollouts.length,
    loss: mean(updates.map((u) => u.loss)),
    clipFrac: mean(updates.map((u) => u.clipFrac)),
    clipFracLower: mean(updates.map((u) => u.clipFracLower)),
    approxKl: mean(updates.map((u) => u.approxKl)),
    gradNorm: mean(updates.map((u) => u.gradNorm)),
    updatesSkipped: updates.length - applied.length,
    lr,
    time: { generate: seconds.generate, reward: seconds.reward, logprobs: seconds.logprobs, update: seconds.update, step: total },
    ...rolloutWeightStep(rollouts),
    ...(result.mismatch ? { mismatch: { ...result.mismatch } } : {}),
    tokensPerSecond: { generate: tokensPerSecond(generatedTokens, seconds.generate), update: tokensPerSecond(trainedTokens, seconds.update), step: tokensPerSecond(generatedTokens, total) },
  };
}

/** The oldest weight version (as a step number) that generated this step's rollouts, when the engine tags them. */
function rolloutWeightStep(rollouts: StepResult['generated']['rollouts']): { rolloutWeightStep?: number } {
  const versions = rollouts.map((r) => r.weightVersion).filter((v): v is string => v !== undefined);
  return versions.length > 0 ? { rolloutWeightStep: Math.min(...versions.map(weightVersionStep)) } : {};
}

/** Fraction of the generated prompt groups whose rewards are all equal (no learning signal). */
function zeroAdvantageGroups(result: StepResult): number {
  const rewards = new Map<number, Set<number>>();
  result.generated.rollouts.forEach((r, i) => {
    const set = rewards.get(r.group) ?? new Set<number>();
    set.add(result.generated.scores[i]!.reward);
    rewards.set(r.group, set);
  });
  return mean([...rewards.values()].map((set) => (set.size === 1 ? 1 : 0)));
}
