import { renderPrompt } from '@prompt-aug/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// MATH L3-5 user texts end with one trailing space; it must survive rendering.
const PROBLEM = 'What is $1+1$? ';
const DATASET_SYSTEM = 'Please reason step by step, and put your final answer within \\boxed{}.';

function template(id: string) {
  const found = plugin.templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

// Hand-written from the paper's table (paper.md §1.2): assistant prefill and user suffix per template.
const expected: Record<string, { prefill: string; userSuffix: string }> = {
  abel: { prefill: "Let's think step by step.\n", userSuffix: '' },
  simplerl: { prefill: '', userSuffix: '\nWork it out step by step and give your final answer inside \\boxed{}.' },
  'qwen-math': { prefill: '', userSuffix: '' },
  'open-r1': { prefill: '', userSuffix: '' },
  'open-r1-teacher': { prefill: '<think>\n', userSuffix: '' },
  'deepseek-r1': { prefill: '', userSuffix: '' },
  'deepseek-r1-teacher': { prefill: '<think>', userSuffix: '' },
  formal: { prefill: '    ', userSuffix: '' },
  lm_eval_prompt1: { prefill: "Let's think step by step.", userSuffix: '' },
  lm_eval_prompt4: { prefill: '', userSuffix: '\nFinish with the line: The final answer is: \\boxed{answer}' },
  lm_eval_prompt8: { prefill: "Let's think step by step.\n", userSuffix: '' },
  reflective_prompt: { prefill: '    ', userSuffix: '' },
  'reflective_prompt-teacher': { prefill: '<solution>\n', userSuffix: '' },
};

describe('every template renders Qwen ChatML: system, the user problem, the assistant turn, the prefill', () => {
  for (const [id, { prefill, userSuffix }] of Object.entries(expected)) {
    it(id, () => {
      const prompt = renderPrompt(template(id), [
        { role: 'system', content: DATASET_SYSTEM },
        { role: 'user', content: PROBLEM },
      ]);
      const match = /^<\|im_start\|>system\n([\s\S]+?)<\|im_end\|>\n<\|im_start\|>user\n([\s\S]*?)<\|im_end\|>\n<\|im_start\|>assistant\n([\s\S]*)$/.exec(prompt);
      expect(match, prompt).not.toBeNull();
      const [, system, user, afterAssistant] = match!;
      expect(user).toBe(PROBLEM + userSuffix);
      expect(afterAssistant).toBe(prefill);
      // The dataset's system message is replaced; only qwen-math uses that same text.
      expect(system === DATASET_SYSTEM).toBe(id === 'qwen-math');
      expect(prompt.split('<|im_start|>').length - 1).toBe(3);
    });
  }
});

describe('system prompts carry the structural markers of their format', () => {
  const systemOf = (id: string) => renderPrompt(template(id), 'Q').split('<|im_end|>')[0]!;
  it('open-r1 and its teacher show the newline-delimited think/answer layout', () => {
    for (const id of ['open-r1', 'open-r1-teacher']) expect(systemOf(id)).toContain('<think>\n...\n</think>\n<answer>\n...\n</answer>');
  });
  it('deepseek-r1 and its teacher name the <think> </think> and <answer> </answer> tags', () => {
    for (const id of ['deepseek-r1', 'deepseek-r1-teacher']) {
      expect(systemOf(id)).toContain('<think> </think>');
      expect(systemOf(id)).toContain('<answer> </answer>');
    }
  });
  it('reflective_prompt and its teacher show the solution/check layout', () => {
    for (const id of ['reflective_prompt', 'reflective_prompt-teacher']) {
      expect(systemOf(id)).toContain("<solution>\n...\n</solution>\n<check>\nLet's verify step by step ...\n</check>");
    }
  });
  it('lm_eval_prompt1 asks for the closing "The final answer is: \\boxed{answer}" line', () => {
    expect(systemOf('lm_eval_prompt1')).toContain('The final answer is: \\boxed{answer}');
  });
  it('every template asks for a \\boxed{} answer in its system prompt or user suffix', () => {
    for (const t of plugin.templates) expect(renderPrompt(t, 'Q')).toContain('\\boxed{');
  });
});

describe('hand-written renderings', () => {
  it('qwen-math is the standard Qwen2.5-Math prompt, byte for byte', () => {
    expect(renderPrompt(template('qwen-math'), PROBLEM)).toBe(
      '<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n' +
        '<|im_start|>user\nWhat is $1+1$? <|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('open-r1-teacher: the think/answer system prompt, then "<think>\\n" opens the reply', () => {
    expect(renderPrompt(template('open-r1-teacher'), PROBLEM)).toBe(
      '<|im_start|>system\nYou are an assistant who reasons carefully before replying. First work through the ' +
        'problem as a private internal monologue, then give the user your answer. Lay out your reply exactly like ' +
        'this:\n<think>\n...\n</think>\n<answer>\n...\n</answer>\nInside the answer block, put the final answer in ' +
        '\\boxed{}.<|im_end|>\n<|im_start|>user\nWhat is $1+1$? <|im_end|>\n<|im_start|>assistant\n<think>\n',
    );
  });

  it('lm_eval_prompt4: the closing-line request follows the problem inside the user turn', () => {
    expect(renderPrompt(template('lm_eval_prompt4'), PROBLEM)).toBe(
      '<|im_start|>system\nAnalyze this problem and solve it.<|im_end|>\n<|im_start|>user\nWhat is $1+1$? \n' +
        'Finish with the line: The final answer is: \\boxed{answer}<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('renders every user turn of a multi-turn prompt and drops other roles', () => {
    const prompt = renderPrompt(template('qwen-math'), [
      { role: 'user', content: 'A' },
      { role: 'assistant', content: 'B' },
      { role: 'user', content: 'C' },
    ]);
    expect(prompt).toBe(
      `<|im_start|>system\n${DATASET_SYSTEM}<|im_end|>\n<|im_start|>user\nA<|im_end|>\n<|im_start|>user\nC<|im_end|>\n<|im_start|>assistant\n`,
    );
  });
});
