import type { MetricsRow } from '../metrics/metric-types.js';
import { mean, meanByTemplate, summarizeResponseLengths, tokensPerSecond } from '../metrics/summarize-step.js';
import type { StepResult } from './train-step.js';

/**
 * The metrics row of one step (metrics.jsonl and TensorBoard): reward, accuracy and format
 * reward overall and per template, entropy of the pre-update policy, response lengths and
 * truncation, clip fractions, approx KL, grad norm, lr, time split and throughput.
 */
export function stepMetrics(step: number, epoch: number, result: StepResult, lr: number): MetricsRow {
  const { rollouts, scores, updates, seconds } = result;
  const perTemplate = (value: (i: number) => number) => meanByTemplate(rollouts.map((r, i) => ({ templateId: r.template.id, value: value(i) })));
  const lengths = summarizeResponseLengths({ lengths: rollouts.map((r) => r.responseIds.length), finishReasons: rollouts.map((r) => r.finishReason) });
  const generatedTokens = rollouts.reduce((sum, r) => sum + r.responseIds.length, 0);
  const trainedTokens = rollouts.reduce((sum, r) => sum + r.promptIds.length + r.responseIds.length, 0);
  const total = seconds.generate + seconds.reward + seconds.logprobs + seconds.update;
  const applied = updates.filter((u) => u.applied);
  return {
    step,
    epoch,
    reward: mean(scores.map((s) => s.reward)),
    accuracy: mean(scores.map((s) => (s.correct ? 1 : 0))),
    formatReward: mean(scores.map((s) => s.formatReward)),
    entropy: result.entropy,
    rewardByTemplate: perTemplate((i) => scores[i]!.reward),
    accuracyByTemplate: perTemplate((i) => (scores[i]!.correct ? 1 : 0)),
    formatRewardByTemplate: perTemplate((i) => scores[i]!.formatReward),
    responseLength: { mean: lengths.meanLength, max: lengths.maxLength },
    truncatedFraction: lengths.truncatedFraction,
    promptsTruncated: result.promptsTruncated,
    zeroAdvantageGroupsFraction: zeroAdvantageGroups(result),
    loss: mean(updates.map((u) => u.loss)),
    clipFrac: mean(updates.map((u) => u.clipFrac)),
    clipFracLower: mean(updates.map((u) => u.clipFracLower)),
    approxKl: mean(updates.map((u) => u.approxKl)),
    gradNorm: mean(updates.map((u) => u.gradNorm)),
    updatesSkipped: updates.length - applied.length,
    lr,
    time: { generate: seconds.generate, reward: seconds.reward, logprobs: seconds.logprobs, update: seconds.update, step: total },
    tokensPerSecond: { generate: tokensPerSecond(generatedTokens, seconds.generate), update: tokensPerSecond(trainedTokens, seconds.update), step: tokensPerSecond(generatedTokens, total) },
  };
}

/** Fraction of prompt groups whose rewards are all equal (no learning signal). */
function zeroAdvantageGroups(result: StepResult): number {
  const groups = new Map<number, boolean>();
  result.rollouts.forEach((r, i) => groups.set(r.group, (groups.get(r.group) ?? true) && result.advantages[i] === 0));
  return mean([...groups.values()].map((zero) => (zero ? 1 : 0)));
}
