import { describe, expect, it } from 'vitest';
import { arithmeticProblems } from '../../src/demo/index.js';
import { demoCorpus, formatAnswer, referenceCompletion, type DemoCorpusTemplate } from '../../src/demo/demo-corpus.js';
import { type MathRecord } from '../../src/data/index.js';
import { diverseTemplates } from './demo-fixtures.js';

const plain: DemoCorpusTemplate = {
  id: 'plain',
  chatTemplate: "{% for m in messages %}Q: {{ m['content'] }}\n{% endfor %}A:",
  answerFormat: { boxed: true },
};
const tagged: DemoCorpusTemplate = {
  id: 'tagged',
  // A generation prompt at the very end of the source would lose its "\n" (Jinja drops one trailing newline).
  chatTemplate: "<|im_start|>user\n{{ messages[0]['content'] }}<|im_end|>\n{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
  prefill: '<think>',
  answerFormat: { boxed: true, enclosedBy: { open: '<answer>', close: '</answer>' } },
};
const sums: MathRecord[] = [
  { id: 's0', problem: 'What is 3 + 4?', answers: ['7'], meta: { a: 3, b: 4, op: '+' } },
  { id: 's1', problem: 'What is 9 - 2?', answers: ['7'], meta: { a: 9, b: 2, op: '-' } },
  { id: 's2', problem: 'What is 1 + 1?', answers: ['2'], meta: { a: 1, b: 1, op: '+' } },
];

describe('demoCorpus', () => {
  it('renders problem i under template i mod T, each followed by its reference completion', () => {
    expect(demoCorpus([plain, tagged], sums)).toEqual([
      'Q: What is 3 + 4?\nA:',
      '3 + 4 = 7.\n\\boxed{7}',
      '<|im_start|>user\nWhat is 9 - 2?<|im_end|>\n<|im_start|>assistant\n<think>',
      '9 - 2 = 7.\n<answer>\n\\boxed{7}\n</answer>',
      'Q: What is 1 + 1?\nA:',
      '1 + 1 = 2.\n\\boxed{2}',
    ]);
  });

  it('refuses fewer problems than templates, which would leave a template out', () => {
    expect(() => demoCorpus([plain, tagged], sums.slice(0, 1))).toThrow(/at least 2/);
    expect(() => demoCorpus([], sums)).toThrow(/no templates/);
  });

  it('covers all 13 diverse templates: every system prompt and answer format is in the corpus', async () => {
    const templates = await diverseTemplates();
    const corpus = demoCorpus(templates, arithmeticProblems({ count: 26, seed: 2, maxOperand: 9 }));
    expect(corpus).toHaveLength(52);
    const text = corpus.join('\n');
    for (const phrase of ['Let\'s think step by step.', '<think>\n', 'The final answer is: \\boxed{', '<answer>\n\\boxed{', '<solution>\n', 'Let\'s verify step by step']) {
      expect(text).toContain(phrase);
    }
    // Each template's prompt occurs twice (26 problems, 13 templates), its system prompt included.
    for (const template of templates) {
      const system = /<\|im_start\|>system\n([^<]{20,60})/.exec(template.chatTemplate)?.[1];
      expect(system, template.id).toBeDefined();
      expect(corpus.filter((t) => t.includes(system!)).length, template.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the answer formats the templates ask for', () => {
  it('writes boxed, introduced and enclosed answers as the templates describe them', () => {
    expect(formatAnswer('7', { boxed: true })).toBe('\\boxed{7}');
    expect(formatAnswer('7', { boxed: true, introducedBy: 'The final answer is:' })).toBe('The final answer is: \\boxed{7}');
    expect(formatAnswer('7', { boxed: true, enclosedBy: { open: '<answer>', close: '</answer>' } })).toBe('<answer>\n\\boxed{7}\n</answer>');
    expect(formatAnswer('7', { boxed: false })).toBe('7');
    expect(formatAnswer('7', undefined)).toBe('\\boxed{7}');
  });

  it('adds the worked line only for records that carry the operands', () => {
    expect(referenceCompletion({ id: 'x', problem: 'Simplify 14/21.', answers: ['2/3'], meta: {} }, { boxed: true })).toBe('\\boxed{2/3}');
  });
});
