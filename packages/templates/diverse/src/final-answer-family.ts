import type { AnswerFormat, Template } from '@prompt-aug/plugin-api';
import { chatMLTemplate } from './chatml.js';
import { exactlyOnceReward } from './count-markers.js';
import { LETS_THINK } from './prefills.js';

/** The answer closes the reply as "The final answer is: \boxed{…}" (lm-evaluation-harness style). */
const FINAL_ANSWER_PHRASE = 'The final answer is:';
const finalAnswerLine: AnswerFormat = { boxed: true, introducedBy: FINAL_ANSWER_PHRASE };
// 1.0 when the phrase occurs exactly once in the completion, else 0.
const finalAnswerReward = exactlyOnceReward([FINAL_ANSWER_PHRASE]);

export const lmEvalPrompt1: Template = {
  id: 'lm_eval_prompt1',
  description: 'Solve and explain step by step, ending with "The final answer is: \\boxed{answer}".',
  chatTemplate: chatMLTemplate(
    'Solve the math problem you are given and explain your reasoning one step at a time. Close your reply with ' +
      'the line "The final answer is: \\boxed{answer}", where answer is your result.',
  ),
  prefill: LETS_THINK,
  answerFormat: finalAnswerLine,
  formatReward: finalAnswerReward,
};

export const lmEvalPrompt4: Template = {
  id: 'lm_eval_prompt4',
  description: 'A terse "analyze and solve" instruction; the closing-line request follows the problem.',
  chatTemplate: chatMLTemplate(
    'Analyze this problem and solve it.',
    '\nFinish with the line: The final answer is: \\boxed{answer}',
  ),
  answerFormat: finalAnswerLine,
  formatReward: finalAnswerReward,
};
