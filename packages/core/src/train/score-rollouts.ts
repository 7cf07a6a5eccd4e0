import type { Template, VerifierPlugin } from '@prompt-aug/plugin-api';

export interface RewardWeights {
  correctWeight: number;
  formatWeight: number;
  mode: 'train' | 'eval';
}

export interface RolloutScore {
  reward: number;
  correct: boolean;
  formatReward: number;
  extracted: string | null;
}

/**
 * The paper's reward (§2.2): correctness from the verifier plus the template's format reward,
 * both computed on the response only, the format reward added whether or not the answer is right.
 */
export function scoreRollout(verifier: VerifierPlugin, template: Template, answers: readonly string[], responseText: string, weights: RewardWeights): RolloutScore {
  const verdict = verifier.verify([...answers], responseText, {
    mode: weights.mode,
    kind: 'response',
    template: { id: template.id, answerFormat: template.answerFormat },
  });
  const formatReward = template.formatReward ? clamp01(template.formatReward(responseText)) : 0;
  return {
    reward: weights.correctWeight * (verdict.correct ? 1 : 0) + weights.formatWeight * formatReward,
    correct: verdict.correct,
    formatReward,
    extracted: verdict.extracted,
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
