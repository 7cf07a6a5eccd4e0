import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// Expected values follow paper.md §2.3: each marker that occurs exactly once (Python
// str.count == 1) in the completion earns its share; completions exclude the prefill.
function reward(id: string, completion: string): number {
  const template = plugin.templates.find((t) => t.id === id);
  if (!template?.formatReward) throw new Error(`no format reward for ${id}`);
  return template.formatReward(completion);
}

describe('constant format reward: abel, simplerl, qwen-math, formal, lm_eval_prompt8', () => {
  for (const id of ['abel', 'simplerl', 'qwen-math', 'formal', 'lm_eval_prompt8']) {
    it(`${id} scores 1.0 whatever the completion`, () => {
      expect(reward(id, '')).toBe(1);
      expect(reward(id, 'So x = 3, and the answer is \\boxed{3}.')).toBe(1);
      expect(reward(id, '<think>\n<think>\nThe final answer is: The final answer is:')).toBe(1);
    });
  }
});

describe('open-r1: 0.25 each for "<think>\\n", "\\n</think>\\n", "\\n<answer>\\n", "\\n</answer>"', () => {
  const full = '<think>\nAdd them.\n</think>\n<answer>\n\\boxed{2}\n</answer>';
  it('all four markers once: 1.0', () => expect(reward('open-r1', full)).toBe(1));
  it('missing "\\n</answer>": 0.75', () => expect(reward('open-r1', '<think>\nAdd them.\n</think>\n<answer>\n\\boxed{2}')).toBe(0.75));
  it('"<think>\\n" twice: that marker scores 0, so 0.75', () => {
    expect(reward('open-r1', '<think>\nHmm.\n<think>\nAdd them.\n</think>\n<answer>\n2\n</answer>')).toBe(0.75);
  });
  it('"\\n</think>\\n" twice: 0.75', () => {
    expect(reward('open-r1', '<think>\nA\n</think>\nB\n</think>\n<answer>\n2\n</answer>')).toBe(0.75);
  });
  it('"\\n<answer>\\n" twice: 0.75', () => {
    expect(reward('open-r1', '<think>\nA\n</think>\n<answer>\n1\n<answer>\n2\n</answer>')).toBe(0.75);
  });
  it('"\\n</answer>" twice: 0.75', () => {
    expect(reward('open-r1', '<think>\nA\n</think>\n<answer>\n2\n</answer>\n</answer>')).toBe(0.75);
  });
  it('tags without the newlines: 0', () => expect(reward('open-r1', '<think>A</think><answer>2</answer>')).toBe(0));
  it('counts like Python (non-overlapping): "\\n</think>\\n</think>\\n" holds the marker once', () => {
    expect(reward('open-r1', '<think>\nA\n</think>\n</think>\n<answer>\n2\n</answer>')).toBe(1);
  });
});

describe('open-r1-teacher: 1/3 each for "\\n</think>\\n", "\\n<answer>\\n", "\\n</answer>" ("<think>\\n" is prefilled)', () => {
  it('all three once: 1.0', () => expect(reward('open-r1-teacher', 'Add them.\n</think>\n<answer>\n\\boxed{2}\n</answer>')).toBe(1));
  it('an opening "<think>\\n" in the completion is not counted', () => {
    expect(reward('open-r1-teacher', '<think>\n<think>\nA\n</think>\n<answer>\n2\n</answer>')).toBe(1);
  });
  it('missing "\\n</answer>": 2/3', () => expect(reward('open-r1-teacher', 'A\n</think>\n<answer>\n2')).toBeCloseTo(2 / 3, 12));
  it('"\\n<answer>\\n" twice: 2/3', () => expect(reward('open-r1-teacher', 'A\n</think>\n<answer>\n1\n<answer>\n2\n</answer>')).toBeCloseTo(2 / 3, 12));
  it('only "\\n</think>\\n": 1/3', () => expect(reward('open-r1-teacher', 'A\n</think>\nso 2')).toBeCloseTo(1 / 3, 12));
  it('nothing: 0', () => expect(reward('open-r1-teacher', 'The answer is 2.')).toBe(0));
});

describe('deepseek-r1: 0.25 each for "<think>", "</think>", "<answer>", "</answer>"', () => {
  it('all four once: 1.0', () => expect(reward('deepseek-r1', '<think> add </think> <answer> \\boxed{2} </answer>')).toBe(1));
  it('missing "</answer>": 0.75', () => expect(reward('deepseek-r1', '<think> add </think> <answer> 2')).toBe(0.75));
  it('"<think>" twice: 0.75', () => expect(reward('deepseek-r1', '<think> a <think> b </think> <answer> 2 </answer>')).toBe(0.75));
  it('"</answer>" twice: 0.75', () => expect(reward('deepseek-r1', '<think> a </think> <answer> 2 </answer></answer>')).toBe(0.75));
  it('only "<think>": 0.25', () => expect(reward('deepseek-r1', '<think> I am still thinking')).toBe(0.25));
});

describe('deepseek-r1-teacher: 1/3 each for "</think>", "<answer>", "</answer>" ("<think>" is prefilled)', () => {
  it('all three once: 1.0', () => expect(reward('deepseek-r1-teacher', ' add </think> <answer> 2 </answer>')).toBe(1));
  it('an extra "<think>" is not counted', () => expect(reward('deepseek-r1-teacher', '<think> a <think> </think><answer>2</answer>')).toBe(1));
  it('"</think>" twice: 2/3', () => expect(reward('deepseek-r1-teacher', 'a </think> b </think> <answer> 2 </answer>')).toBeCloseTo(2 / 3, 12));
  it('only "<answer>": 1/3', () => expect(reward('deepseek-r1-teacher', 'so <answer> 2')).toBeCloseTo(1 / 3, 12));
});

describe('reflective_prompt: 0.25 each for "<solution>\\n", "\\n</solution>\\n", "\\n<check>\\nLet\'s verify step by step", "\\n</check>"', () => {
  const full = "<solution>\nx = 2\n</solution>\n<check>\nLet's verify step by step: 1 + 1 = 2.\n</check>\nSo \\boxed{2}.";
  it('all four once: 1.0', () => expect(reward('reflective_prompt', full)).toBe(1));
  it('a differently worded check opener: 0.75', () => {
    expect(reward('reflective_prompt', full.replace("Let's verify", 'Let us verify'))).toBe(0.75);
  });
  it('missing "<solution>\\n": 0.75', () => expect(reward('reflective_prompt', full.replace('<solution>\n', ''))).toBe(0.75));
  it('"\\n</check>" twice: 0.75', () => expect(reward('reflective_prompt', `${full}\n</check>`)).toBe(0.75));
  it('"\\n</solution>\\n" twice: 0.75', () => {
    expect(reward('reflective_prompt', "<solution>\nx\n</solution>\ny\n</solution>\n<check>\nLet's verify step by step\n</check>")).toBe(0.75);
  });
  it('plain prose: 0', () => expect(reward('reflective_prompt', 'x = 2, so \\boxed{2}.')).toBe(0));
});

describe('reflective_prompt-teacher: 1/3 each for the last three reflective markers ("<solution>\\n" is prefilled)', () => {
  const full = "x = 2\n</solution>\n<check>\nLet's verify step by step: fine.\n</check>";
  it('all three once: 1.0', () => expect(reward('reflective_prompt-teacher', full)).toBe(1));
  it('"<solution>\\n" in the completion is not counted', () => {
    expect(reward('reflective_prompt-teacher', `<solution>\n<solution>\n${full}`)).toBe(1);
  });
  it('missing "\\n</check>": 2/3', () => expect(reward('reflective_prompt-teacher', full.replace('\n</check>', ''))).toBeCloseTo(2 / 3, 12));
  it('check opener twice: 2/3', () => {
    expect(reward('reflective_prompt-teacher', `${full}\n<check>\nLet's verify step by step again`)).toBeCloseTo(2 / 3, 12);
  });
});

describe('lm_eval_prompt1 and lm_eval_prompt4: 1.0 iff "The final answer is:" occurs exactly once', () => {
  for (const id of ['lm_eval_prompt1', 'lm_eval_prompt4']) {
    it(`${id}`, () => {
      expect(reward(id, 'Add: 1 + 1 = 2.\nThe final answer is: \\boxed{2}')).toBe(1);
      expect(reward(id, 'So it is 2.')).toBe(0);
      expect(reward(id, 'The final answer is: 3. No wait. The final answer is: \\boxed{2}')).toBe(0);
      expect(reward(id, 'The final answer is \\boxed{2}')).toBe(0); // no colon
      expect(reward(id, 'the final answer is: \\boxed{2}')).toBe(0); // case-sensitive
    });
  }
});
