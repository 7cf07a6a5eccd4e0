import type { Template } from '@prompt-aug/plugin-api';
import { chatMLTemplate } from './chatml.js';
import { constantReward } from './count-markers.js';
import { FOUR_SPACES, LETS_THINK } from './prefills.js';

/** The plain chain-of-thought family: reason, then put the answer in \boxed{}. */
const boxed = { boxed: true } as const;

/** The standard Qwen2.5-Math instruction (public, used verbatim; also the eval prompt). */
export const QWEN_MATH_SYSTEM = 'Please reason step by step, and put your final answer within \\boxed{}.';

export const abel: Template = {
  id: 'abel',
  description: 'Step-by-step reasoning with the answer in \\boxed{}; the reply opens with "Let\'s think step by step."',
  chatTemplate: chatMLTemplate(
    'Work through the problem below one step at a time. When you reach the result, write it inside \\boxed{}.',
  ),
  prefill: `${LETS_THINK}\n`,
  answerFormat: boxed,
  formatReward: constantReward,
};

export const simplerl: Template = {
  id: 'simplerl',
  description: 'A general helpful-assistant persona; the step-by-step, \\boxed{} instruction follows the problem.',
  chatTemplate: chatMLTemplate(
    'You are a capable, friendly assistant who answers questions accurately.',
    '\nWork it out step by step and give your final answer inside \\boxed{}.',
  ),
  answerFormat: boxed,
  formatReward: constantReward,
};

export const qwenMath: Template = {
  id: 'qwen-math',
  description: 'The standard Qwen2.5-Math chain-of-thought instruction (the baseline and the eval prompt).',
  chatTemplate: chatMLTemplate(QWEN_MATH_SYSTEM),
  answerFormat: boxed,
  formatReward: constantReward,
};

export const formal: Template = {
  id: 'formal',
  description: 'A rigorous derivation that justifies every step, with the result stated clearly in \\boxed{}.',
  chatTemplate: chatMLTemplate(
    'Give a rigorous derivation of the solution, justifying each step as you go. State the final result clearly inside \\boxed{}.',
  ),
  prefill: FOUR_SPACES,
  answerFormat: boxed,
  formatReward: constantReward,
};

export const lmEvalPrompt8: Template = {
  id: 'lm_eval_prompt8',
  description: 'Solve showing every step, answer in \\boxed{}; the reply opens with "Let\'s think step by step."',
  chatTemplate: chatMLTemplate(
    'Solve the following math problem and show all of your working. Put the final answer inside \\boxed{}.',
  ),
  prefill: `${LETS_THINK}\n`,
  answerFormat: boxed,
  formatReward: constantReward,
};
