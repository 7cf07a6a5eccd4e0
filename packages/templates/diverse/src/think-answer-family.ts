import type { AnswerFormat, Template } from '@prompt-aug/plugin-api';
import { chatMLTemplate } from './chatml.js';
import { exactlyOnceReward } from './count-markers.js';

/** Reasoning inside <think> tags, the boxed answer inside <answer> tags (open-r1 and DeepSeek-R1 styles). */
const answerInTags: AnswerFormat = { boxed: true, enclosedBy: { open: '<answer>', close: '</answer>' } };

const OPEN_R1_SYSTEM =
  'You are an assistant who reasons carefully before replying. First work through the problem as a private ' +
  'internal monologue, then give the user your answer. Lay out your reply exactly like this:\n' +
  '<think>\n...\n</think>\n<answer>\n...\n</answer>\n' +
  'Inside the answer block, put the final answer in \\boxed{}.';

const DEEPSEEK_R1_SYSTEM =
  'What follows is a conversation between a User and an Assistant. The User asks a question and the Assistant ' +
  'solves it: it first reasons the problem through in its head, then tells the User the answer. The reasoning ' +
  'goes between <think> </think> tags and the answer between <answer> </answer> tags, as in ' +
  '<think> reasoning goes here </think> <answer> answer goes here </answer>. Write the final answer inside ' +
  '\\boxed{} within the answer tags.';

export const openR1: Template = {
  id: 'open-r1',
  description: 'Newline-delimited <think> monologue, then the boxed answer in an <answer> block (open-r1 style).',
  chatTemplate: chatMLTemplate(OPEN_R1_SYSTEM),
  answerFormat: answerInTags,
  formatReward: exactlyOnceReward(['<think>\n', '\n</think>\n', '\n<answer>\n', '\n</answer>']),
};

export const openR1Teacher: Template = {
  id: 'open-r1-teacher',
  description: 'open-r1 with the reply already opened by "<think>\\n".',
  chatTemplate: chatMLTemplate(OPEN_R1_SYSTEM),
  prefill: '<think>\n',
  answerFormat: answerInTags,
  // The prefilled "<think>\n" is part of the prompt, not the completion, so it is not counted.
  formatReward: exactlyOnceReward(['\n</think>\n', '\n<answer>\n', '\n</answer>']),
};

export const deepseekR1: Template = {
  id: 'deepseek-r1',
  description: 'A User/Assistant conversation with reasoning in <think> tags and the boxed answer in <answer> tags.',
  chatTemplate: chatMLTemplate(DEEPSEEK_R1_SYSTEM),
  answerFormat: answerInTags,
  formatReward: exactlyOnceReward(['<think>', '</think>', '<answer>', '</answer>']),
};

export const deepseekR1Teacher: Template = {
  id: 'deepseek-r1-teacher',
  description: 'deepseek-r1 with the reply already opened by "<think>" (no newline).',
  chatTemplate: chatMLTemplate(DEEPSEEK_R1_SYSTEM),
  prefill: '<think>',
  answerFormat: answerInTags,
  formatReward: exactlyOnceReward(['</think>', '<answer>', '</answer>']),
};
