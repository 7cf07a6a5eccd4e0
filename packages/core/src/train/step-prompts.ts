import type { MathRecord } from '../data/math-record.js';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import type { Template, TemplatesPlugin } from '@prompt-aug/plugin-api';
import { pickTemplate } from '../templates/pick-template.js';
import { renderPrompt } from '../templates/render-prompt.js';

export interface StepPrompt {
  record: MathRecord;
  /** Dataset index: the picker's prompt identity, stable across epochs and resumes. */
  dataIndex: number;
  /** One entry per rollout (all the same template under the default per-prompt policy). */
  rollouts: Array<{ template: Template; promptIds: number[] }>;
  truncated: boolean;
}

export interface StepPromptOptions {
  templates: TemplatesPlugin;
  seed: number;
  epoch: number;
  step: number;
  rolloutsPerPrompt: number;
  maxPromptTokens: number;
}

/**
 * The prompts of one step: a template per prompt (or per rollout) from the set's policy,
 * rendered, prefill appended and tokenized. A prompt longer than the limit keeps its last
 * tokens (verl truncates on the left) and is flagged so the metrics show it.
 */
export function buildStepPrompts(
  tokenizer: Pick<ModelTokenizer, 'encode'>,
  records: readonly MathRecord[],
  dataIndices: readonly number[],
  options: StepPromptOptions,
): StepPrompt[] {
  const select = options.templates.select ?? { mode: 'per-prompt' as const };
  const encoded = new Map<string, number[]>();
  return dataIndices.map((dataIndex, k) => {
    const record = records[dataIndex]!;
    let truncated = false;
    const rollouts = Array.from({ length: options.rolloutsPerPrompt }, (_, rolloutIndex) => {
      const template = pickTemplate({
        set: options.templates.templates,
        select,
        seed: options.seed,
        epoch: options.epoch,
        promptIndex: dataIndex,
        rolloutIndex,
        globalPromptCounter: options.step * dataIndices.length + k,
      });
      let promptIds = encoded.get(template.id + '\u0000' + dataIndex);
      if (!promptIds) {
        promptIds = tokenizer.encode(renderPrompt(template, record.problem), { addSpecialTokens: false });
        encoded.set(template.id + '\u0000' + dataIndex, promptIds);
      }
      if (promptIds.length > options.maxPromptTokens) {
        truncated = true;
        promptIds = promptIds.slice(promptIds.length - options.maxPromptTokens);
      }
      return { template, promptIds };
    });
    return { record, dataIndex, rollouts, truncated };
  });
}
