import type { AnswerFormat, Template } from '@prompt-aug/plugin-api';
import { chatMLTemplate } from './chatml.js';
import { exactlyOnceReward } from './count-markers.js';
import { FOUR_SPACES } from './prefills.js';

/** Solve inside <solution>, then re-check the work inside <check>; the answer is boxed. */
const boxed: AnswerFormat = { boxed: true };

const REFLECTIVE_SYSTEM =
  'Solve the problem, then go back over your solution to check it. If the check turns up a mistake, correct ' +
  'it before giving the final answer. Arrange your reply like this:\n' +
  "<solution>\n...\n</solution>\n<check>\nLet's verify step by step ...\n</check>\n" +
  'Give the final answer inside \\boxed{}.';

const CHECK_OPENER = "\n<check>\nLet's verify step by step";

export const reflectivePrompt: Template = {
  id: 'reflective_prompt',
  description: 'Self-verification: a <solution> block, then a <check> block that re-derives the result.',
  chatTemplate: chatMLTemplate(REFLECTIVE_SYSTEM),
  prefill: FOUR_SPACES,
  answerFormat: boxed,
  formatReward: exactlyOnceReward(['<solution>\n', '\n</solution>\n', CHECK_OPENER, '\n</check>']),
};

export const reflectivePromptTeacher: Template = {
  id: 'reflective_prompt-teacher',
  description: 'reflective_prompt with the reply already opened by "<solution>\\n".',
  chatTemplate: chatMLTemplate(REFLECTIVE_SYSTEM),
  prefill: '<solution>\n',
  answerFormat: boxed,
  formatReward: exactlyOnceReward(['\n</solution>\n', CHECK_OPENER, '\n</check>']),
};
