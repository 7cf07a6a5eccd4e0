import { describe, expect, test } from 'vitest';
import { normaliseRow, type RowResult } from '../../src/data/normalise-row.js';
import type { MathRecord, ReadDatasetOptions } from '../../src/data/math-record.js';

const normalise = (row: unknown, options: ReadDatasetOptions = {}, index = 3): RowResult =>
  normaliseRow(row, { stem: 'set', index, options });
const record = (row: unknown, options: ReadDatasetOptions = {}): MathRecord => {
  const result = normalise(row, options);
  if (!result.ok) throw new Error(result.reason);
  return result.record;
};

describe('field mapping of the common math sets', () => {
  test('problem / answer with no id: id is <stem>-<row index>', () => {
    expect(record({ problem: 'P', answer: 'A', level: 5 })).toEqual({ id: 'set-3', problem: 'P', answers: ['A'], meta: { level: 5 } });
  });

  test('question / gt_answer / unique_id', () => {
    expect(record({ question: 'Q', gt_answer: '7', unique_id: 'test/algebra/1.json' }))
      .toEqual({ id: 'test/algebra/1.json', problem: 'Q', answers: ['7'], meta: {} });
  });

  test('verl format: user message of prompt, reward_model.ground_truth, extra_info.index', () => {
    const row = {
      prompt: [{ role: 'system', content: 'S' }, { role: 'user', content: 'U ' }],
      reward_model: { ground_truth: '3', style: 'rule' },
      extra_info: { index: 'abc' },
    };
    expect(record(row)).toEqual({ id: 'abc', problem: 'U ', answers: ['3'], meta: { prompt: [{ role: 'system', content: 'S' }], reward_model: { style: 'rule' } } });
  });

  test('ground_truth and final_answer lists give several acceptable answers', () => {
    expect(record({ input: 'I', ground_truth: ['1', '2'] }).answers).toEqual(['1', '2']);
    expect(record({ problem: 'P', final_answer: ['$x$', 'x'] }).answers).toEqual(['$x$', 'x']);
  });

  test('numbers become strings, integral floats canonical, and the original stays in meta', () => {
    expect(record({ problem: 'P', answer: 142.0 })).toMatchObject({ answers: ['142'], meta: { originalAnswer: 142 } });
    expect(record({ problem: 'P', answer: -0.25 }).answers).toEqual(['-0.25']);
    expect(record({ problem: 'P', answer: 12345678901234567890n }).answers).toEqual(['12345678901234567890']);
    expect(record({ problem: 'P', answer: [1, '1.0'] }).answers).toEqual(['1', '1.0']);
    expect(record({ problem: 'P', answer: '142.0' })).toEqual({ id: 'set-3', problem: 'P', answers: ['142.0'], meta: {} });
  });

  test('a ChatML input yields its last user turn; the full prompt is kept in meta', () => {
    const input = '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nWhat is 1+1?<|im_end|>\n<|im_start|>assistant';
    expect(record({ input, gt_answer: '2' })).toMatchObject({ problem: 'What is 1+1?', meta: { input } });
  });

  test('the first matching field wins: problem over prompt, answer over ground_truth', () => {
    const row = { problem: 'P', prompt: [{ role: 'user', content: 'U' }], answer: 'A', ground_truth: 'G' };
    expect(record(row)).toEqual({ id: 'set-3', problem: 'P', answers: ['A'], meta: { prompt: [{ role: 'user', content: 'U' }], ground_truth: 'G' } });
  });

  test('null columns (optional parquet columns) are skipped by auto-detection', () => {
    expect(record({ problem: null, question: 'Q', answer: null, gt_answer: '5' })).toEqual({ id: 'set-3', problem: 'Q', answers: ['5'], meta: { problem: null, answer: null } });
  });

  test('explicit problemField, answerField and idField (dotted paths)', () => {
    const row = { q: { text: 'T' }, sol: { final: 9 }, key: 17, problem: 'not this' };
    expect(record(row, { problemField: 'q.text', answerField: 'sol.final', idField: 'key' }))
      .toEqual({ id: '17', problem: 'T', answers: ['9'], meta: { problem: 'not this', originalAnswer: 9 } });
  });

  test('empty golds are kept with a remark, not rejected', () => {
    const result = normalise({ problem: 'P', answer: '' });
    expect(result).toMatchObject({ ok: true, record: { answers: [''] }, remark: { field: 'answer' } });
    expect(normalise({ problem: 'P', answer: [] })).toMatchObject({ ok: true, record: { answers: [] }, remark: { field: 'answer' } });
  });
});

describe('rows that cannot be records', () => {
  test.each([
    [{ answer: '1' }, 'problem', 'the row has no problem field (looked for problem, prompt, question, input)'],
    [{ problem: 'P' }, 'answer', 'the row has no answer field (looked for answer, gt_answer, ground_truth, reward_model.ground_truth, final_answer)'],
    [{ problem: '  ', answer: '1' }, 'problem', 'field "problem" is empty'],
    [{ problem: 7, answer: '1' }, 'problem', 'field "problem" is the number 7, not a string or a chat messages list'],
    [{ prompt: [{ role: 'system', content: 'S' }], answer: '1' }, 'prompt', 'field "prompt" is a messages list without a {"role": "user"} message'],
    [{ problem: 'P', answer: null }, 'answer', 'the row has no answer field (looked for answer, gt_answer, ground_truth, reward_model.ground_truth, final_answer)'],
    [{ problem: 'P', answer: ['1', { v: 2 }] }, 'answer', 'field "answer" is of type object (element 1), not a string, a number or a list of them'],
  ])('%j -> field %s', (row, field, reason) => {
    expect(normalise(row)).toMatchObject({ ok: false, field, reason });
  });

  test('a named field that is null is reported as null', () => {
    expect(normalise({ problem: 'P', answer: null }, { answerField: 'answer' }))
      .toMatchObject({ ok: false, field: 'answer', reason: 'field "answer" is null, not a string, a number or a list of them' });
  });

  test('a named field that is absent is reported by its name', () => {
    expect(normalise({ problem: 'P', answer: '1' }, { answerField: 'solution.answer' }))
      .toMatchObject({ ok: false, field: 'solution.answer', reason: 'the row has no answer field (looked for solution.answer)' });
  });

  test('a non-object row', () => {
    expect(normalise(['P', '1'])).toMatchObject({ ok: false, reason: 'the row is not a JSON object' });
  });
});
