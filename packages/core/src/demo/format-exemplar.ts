import type { Template } from '@prompt-aug/plugin-api';
import { formatAnswer } from './demo-corpus.js';

/**
 * The structures the built-in answer formats use: think-then-answer tags (with or without the
 * prefilled opener) and solve-then-check blocks. `A` stands for the formatted answer.
 */
const SKELETONS: readonly ((answer: string) => string)[] = [
  (a) => a,
  (a) => `<think>\n\n</think>\n${a}`,
  (a) => `\n</think>\n${a}`,
  (a) => `<solution>\n${a}\n</solution>\n<check>\nLet's verify step by step\n</check>`,
  (a) => `${a}\n</solution>\n<check>\nLet's verify step by step\n</check>`,
];

/**
 * A minimal response that earns the template's full format reward: the shortest skeleton
 * with the highest reward. The demo's warm-up teaches these, so that GRPO's signal in the
 * demo is the correctness of the answer, not the format.
 */
export function formatExemplar(template: Pick<Template, 'answerFormat' | 'formatReward'>, answer: string): string {
  const formatted = formatAnswer(answer, template.answerFormat);
  let best = formatted;
  let bestReward = template.formatReward ? template.formatReward(formatted) : 1;
  for (const skeleton of SKELETONS) {
    const text = skeleton(formatted);
    const reward = template.formatReward ? template.formatReward(text) : 1;
    if (reward > bestReward || (reward === bestReward && text.length < best.length)) {
      best = text;
      bestReward = reward;
    }
  }
  return best;
}
