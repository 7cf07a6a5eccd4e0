import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';
const cases: Array<[string, string, boolean, ('train' | 'eval')?]> = [
  ['7', '**Final Answer**\n\\[\n\\boxed{7}\n\\]', true, 'eval'],
  ['B', 'The answer is \\boxed{\\text{(B)}}', true, 'eval'],
  ['B', 'so the answer is (B) 12', true],
  ['B', 'Answer: B', true],
  ['12', '<|begin_of_box|>12<|end_of_box|>', true, 'eval'],
  ['\\frac{1}{2}', 'The final answer is $\\frac12$. I hope it is correct.', true],
  ['5', 'x = 5', true],
  ['5', 'Thus, the answer is $x=5$.', true],
  ['3', 'We get 3 apples and 4 oranges, total 7.', false],
  ['7', 'We get 3 apples and 4 oranges, total 7.', true],
  ['18', 'The answer is $18$ cm$^2$.', true],
  ['(2,3)', 'The point is $\\boxed{(2, 3)}$.', true, 'eval'],
  ['2', 'The answer is \\boxed{2}. Wait, actually \\boxed{3}.', false, 'eval'],
  ['-1', '\\boxed{-1}\\boxed{-1}', true, 'eval'],
  ['1,2', '\\boxed{1}, \\boxed{2}', true, 'eval'],
  ['\\frac{3}{5}', '\\boxed{\\dfrac35}', true, 'eval'],
  ['20', 'The answer is $\\boxed{20\\%}$', true, 'eval'],
  ['\\text{Monday}', '\\boxed{\\text{Monday}}', true, 'eval'],
  ['12', '\\boxed{12 \\text{ inches}}', true, 'eval'],
  ['0.5', '\\boxed{\\frac{1}{2}} (approximately 0.5)', true, 'eval'],
  ['3', 'the value is \\( \\boxed{3} \\)', true, 'eval'],
  ['10', 'The result is 10.\n\nFinal answer: 10', true],
  ['42', 'The final answer is 42 or 43.', false],
  ['4', 'so the answer is four.', true],
];
/** Whole responses in the formats models write, graded end to end (hand-worked verdicts). */
describe('response formats', () => {
  it.each(cases)('gold %j, response %j -> %s', (gold, response, expected, mode) => {
    expect(verifyAnswer(gold, response, { mode: mode ?? 'train' }).correct).toBe(expected);
  });
});
