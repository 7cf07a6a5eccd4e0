import type { TemplatesPlugin } from '@prompt-aug/plugin-api';
import { abel, formal, lmEvalPrompt8, qwenMath, simplerl } from './boxed-family.js';
import { lmEvalPrompt1, lmEvalPrompt4 } from './final-answer-family.js';
import { reflectivePrompt, reflectivePromptTeacher } from './reflective-family.js';
import { deepseekR1, deepseekR1Teacher, openR1, openR1Teacher } from './think-answer-family.js';

/**
 * The 13 diverse reasoning templates of prompt-augmented GRPO, in the paper's order. By
 * default each prompt draws one uniformly per epoch, shared by its whole rollout group.
 */
const templatesDiverse = {
  kind: 'templates',
  name: 'templates-diverse',
  version: '0.1.0',
  apiVersion: 1,
  description: 'The 13 diverse reasoning templates of prompt-augmented GRPO, with per-template format rewards',
  templates: [
    abel,
    simplerl,
    qwenMath,
    openR1,
    openR1Teacher,
    deepseekR1,
    deepseekR1Teacher,
    formal,
    lmEvalPrompt1,
    lmEvalPrompt4,
    lmEvalPrompt8,
    reflectivePrompt,
    reflectivePromptTeacher,
  ],
  select: { mode: 'per-prompt' },
} satisfies TemplatesPlugin;

export default templatesDiverse;
