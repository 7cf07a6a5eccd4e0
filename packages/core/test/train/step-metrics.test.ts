import { describe, expect, it } from 'vitest';
import type { Template } from '@prompt-aug/plugin-api';
import { stepMetrics } from '../../src/train/step-metrics.js';
import type { Rollout, StepResult } from '../../src/train/train-step.js';
import type { RolloutScore } from '../../src/train/score-rollouts.js';

const t = (id: string) => ({ id, chatTemplate: 'x' }) as Template;

function rollout(group: number, template: string, length: number, finishReason: Rollout['finishReason'] = 'eos'): Rollout {
  return { group, template: t(template), promptIds: [1, 2, 3], responseIds: Array.from({ length }, (_, i) => i), responseText: '', finishReason };
}
const score = (correct: boolean, formatReward: number): RolloutScore => ({ correct, formatReward, reward: (correct ? 1 : 0) + formatReward, extracted: null });

describe('stepMetrics', () => {
  // Group 0 (template a): right/wrong; group 1 (template b): both wrong with format 0.5 → no signal.
  const generatedRollouts = [rollout(0, 'a', 4), rollout(0, 'a', 6, 'length'), rollout(1, 'b', 2), rollout(1, 'b', 8)];
  const generatedScores = [score(true, 1), score(false, 1), score(false, 0.5), score(false, 0.5)];
  const base: Omit<StepResult, 'rollouts' | 'scores' | 'advantages'> = {
    generated: { rollouts: generatedRollouts, scores: generatedScores },
    entropy: 0.25,
    entropyByTemplate: { a: 0.3, b: 0.125 },
    updates: [
      { loss: 0.5, clipFrac: 0.1, clipFracLower: 0, approxKl: 0.01, gradNorm: 2, entropy: 0.25, applied: true },
      { loss: 1.5, clipFrac: 0.3, clipFracLower: 0.2, approxKl: 0.03, gradNorm: 4, entropy: 0.2, applied: false },
    ],
    promptsTruncated: 0,
    seconds: { generate: 2, reward: 0.5, logprobs: 1, update: 0.5 },
  };

  it('averages over everything generated, per template too, with hand-computed values', () => {
    const row = stepMetrics(3, 0, { ...base, rollouts: generatedRollouts, scores: generatedScores, advantages: [0.7, -0.7, 0, 0] }, 1e-6);
    expect(row.reward).toBeCloseTo((2 + 1 + 0.5 + 0.5) / 4, 12);
    expect(row.accuracy).toBeCloseTo(0.25, 12);
    expect(row.formatReward).toBeCloseTo(0.75, 12);
    expect(row.rewardByTemplate).toEqual({ a: 1.5, b: 0.5 });
    expect(row.accuracyByTemplate).toEqual({ a: 0.5, b: 0 });
    expect(row.entropyByTemplate).toEqual({ a: 0.3, b: 0.125 });
    expect(row.responseLength).toEqual({ mean: 5, max: 8 });
    expect(row.truncatedFraction).toBe(0.25);
    expect(row.zeroAdvantageGroupsFraction).toBe(0.5);
    expect(row.loss).toBe(1);
    expect(row.clipFrac).toBeCloseTo(0.2, 12);
    expect(row.gradNorm).toBe(3);
    expect(row.updatesSkipped).toBe(1);
    expect(row.time).toEqual({ generate: 2, reward: 0.5, logprobs: 1, update: 0.5, step: 4 });
    // 20 generated tokens in 2 s of generation; 4×3 prompt + 20 response tokens trained in 0.5 s.
    expect(row.tokensPerSecond).toEqual({ generate: 10, update: 64, step: 5 });
  });

  it('with dynamic sampling, accuracy still covers all generated rollouts, not just the kept groups', () => {
    const row = stepMetrics(3, 0, { ...base, rollouts: generatedRollouts.slice(0, 2), scores: generatedScores.slice(0, 2), advantages: [0.7, -0.7] }, 1e-6);
    expect(row.accuracy).toBeCloseTo(0.25, 12); // the kept group alone would say 0.5
    expect(row.trainedRollouts).toBe(2);
    expect(row.zeroAdvantageGroupsFraction).toBe(0.5);
  });
});
