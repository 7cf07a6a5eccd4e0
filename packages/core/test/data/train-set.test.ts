import { describe, expect, test } from 'vitest';
import { readDatasetFile } from '../../src/data/read-dataset-file.js';
import { sharedFile } from './shared-data.js';

describe('MATH Level 3-5 (the paper training set, verl format)', () => {
  test('gives 8,523 records keyed by extra_info.index; the two empty golds are kept and reported', async () => {
    const { records, warnings } = await readDatasetFile(sharedFile('train/math_level3to5.train.jsonl'));
    expect(records).toHaveLength(8523);
    expect(records[0]!.id).toBe('133a93ab-7384-41da-9180-966bf234c8a5');
    expect(new Set(records.map((r) => r.id)).size).toBe(8523);
    expect(records[0]!.answers).toEqual(['118']);
    expect(warnings.map((w) => [w.line, w.field])).toEqual([
      [5055, 'reward_model.ground_truth'],
      [5159, 'reward_model.ground_truth'],
    ]);
    expect(warnings[0]!.message).toContain('math_level3to5.train.jsonl, line 5055: field "reward_model.ground_truth" is empty');
  });

  test('the problem is the user message as is (trailing space); the rest of the row stays in meta', async () => {
    const { records } = await readDatasetFile(sharedFile('train/math_level3to5.train.jsonl'));
    for (const record of records) {
      expect(record.problem.endsWith(' ')).toBe(true);
      expect(record.meta.question).toBe(record.problem.slice(0, -1));
    }
    expect(records[0]!.meta).toEqual({
      question: records[0]!.problem.slice(0, -1),
      data_source: 'deepscaler/SimpleRL-Zoo-simplelr_qwen_level3to5-train',
      prompt: [{ content: 'Please reason step by step, and put your final answer within \\boxed{}.', role: 'system' }],
      ability: 'math',
      reward_model: { style: 'rule' },
      extra_info: { original_source: 'SimpleRL-Zoo-simplelr_qwen_level3to5-train' },
    });
  });

  test('problemField: "question" reads the other column instead', async () => {
    const { records } = await readDatasetFile(sharedFile('train/math_level3to5.train.jsonl'), { problemField: 'question' });
    expect(records[0]!.problem.endsWith('Compute $p + q$.')).toBe(true);
    expect(records[0]!.meta.prompt).toHaveLength(2);
  });

  test('the test split and the 8k eval split hold the 500 MATH500 problems', async () => {
    const math500 = new Set((await readDatasetFile(sharedFile('benchmarks/math500.jsonl'))).records.map((r) => r.problem));
    const testSplit = await readDatasetFile(sharedFile('train/math_level3to5.test.jsonl'));
    expect(testSplit.records).toHaveLength(500);
    expect(testSplit.records.filter((r) => math500.has(r.problem.slice(0, -1)))).toHaveLength(500);
    // The understand-r1-zero split stores a whole ChatML prompt in `input`: the user turn is the problem.
    const evalSplit = await readDatasetFile(sharedFile('train/math_lvl3to5_8k.eval.jsonl'));
    expect(evalSplit.records.filter((r) => math500.has(r.problem))).toHaveLength(500);
    expect(evalSplit.records[0]!.meta.input).toMatch(/^<\|im_start\|>system\n/);
    expect(evalSplit.records[0]!.answers).toEqual(['\\left( 3, \\frac{\\pi}{2} \\right)']);
  });
});
