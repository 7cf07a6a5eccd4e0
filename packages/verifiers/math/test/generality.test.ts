import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';

/**
 * Verifier generality in train mode: answers written in conventions the dev data barely has,
 * written here from first principles and public conventions (not from the dev files). Each
 * expected verdict follows from the maths: the response states the gold value (true) or a
 * different one (false). [category, gold, response, expected]
 */
// [category, gold, response, expected]
const CASES: [string, string, string, boolean][] = [
  // decimal commas (European notation): 3,5 = 3.5 when the gold is 3.5; 1,000 thousands still 1000
  ['decimal-comma', '3.5', 'Die Antwort ist also \\boxed{3,5}.', true],
  ['decimal-comma', '0.25', 'La réponse finale est $0,25$.', true],
  ['decimal-comma', '3.5', 'So the answer is \\boxed{3,6}.', false],
  ['decimal-comma', '1000', 'Total: \\boxed{1,000}', true],
  // currency
  ['currency', '12.50', 'She pays \\boxed{\\$12.50}.', true],
  ['currency', '45', 'The final answer is €45.', true],
  ['currency', '45', 'So it costs \\boxed{£46}.', false],
  ['currency', '1200', 'Revenue is \\boxed{\\$1,200}.', true],
  // ,\! and {,} thousands separators
  ['separators', '12345', '\\boxed{12,\\!345}', true],
  ['separators', '1000000', '\\boxed{1{,}000{,}000}', true],
  ['separators', '12345', '\\boxed{12{,}346}', false],
  // math environments after "final answer is"
  ['final-answer-env', '\\frac{3}{4}', 'Therefore, the final answer is $\\frac{3}{4}$.', true],
  ['final-answer-env', '\\frac{3}{4}', 'Therefore, the final answer is \\(\\dfrac{3}{4}\\).', true],
  ['final-answer-env', '\\sqrt{2}', 'Thus the final answer is \\( \\sqrt{3} \\).', false],
  // Minerva's sentence
  ['minerva-sentence', '7.5', 'Final Answer: The final answer is $7.5$. I hope it is correct.', true],
  ['minerva-sentence', '2\\pi', 'Final Answer: The final answer is $2 \\pi$. I hope it is correct.', true],
  ['minerva-sentence', '2\\pi', 'Final Answer: The final answer is $\\pi$. I hope it is correct.', false],
  // <answer> tags without a box
  ['answer-tags', '17', '<think>7 + 10 = 17</think> <answer>17</answer>', true],
  ['answer-tags', '\\frac{1}{2}', '<think>half</think>\n<answer> 1/2 </answer>', true],
  ['answer-tags', '17', '<think>maybe 17</think> <answer>18</answer>', false],
  // \lt \gt \neq
  ['relations', 'x < 3', 'So \\boxed{x \\lt 3}.', true],
  ['relations', 'x > -2', 'Hence \\boxed{x \\gt -2}.', true],
  ['relations', 'x \\neq 1', 'The condition is \\boxed{x \\ne 1}.', true],
  ['relations', 'x < 3', 'So \\boxed{x \\gt 3}.', false],
  // matrices outside a box
  ['matrix-unboxed', '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', 'The product is\n$$\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$$', true],
  ['matrix-unboxed', '\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}', 'Therefore the answer is $\\begin{bmatrix} 1 \\\\ -2 \\end{bmatrix}$.', true],
  ['matrix-unboxed', '\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}', 'Therefore the answer is $\\begin{pmatrix} -2 \\\\ 1 \\end{pmatrix}$.', false],
  // times with seconds
  ['time', '14:05:30', 'The clock shows \\boxed{14:05:30}.', true],
  ['time', '2:05:30', 'The clock shows \\boxed{2:05:30 \\text{ p.m.}}.', false],
  ['time', '1:30:00', 'It takes \\boxed{1:30:00}.', true],
  ['time', '1:30:00', 'It takes \\boxed{1:30:01}.', false],
  // unicode math
  ['unicode', '2\\sqrt{3}', 'The side is \\boxed{2√3}.', true],
  ['unicode', '-5', 'The minimum is \\boxed{−5}.', true],
  ['unicode', '\\frac{\\sqrt{2}}{2}', 'so the answer is √2/2.', true],
  ['unicode', '-5', 'The minimum is \\boxed{−6}.', false],
  ['unicode', '3\\pi', 'Area = \\boxed{3π}', true],
];
CASES.push(
  // more of the same kinds
  ['currency', '1000', 'It costs \\boxed{¥1{,}000}.', true],
  ['currency', '3.20', 'So the price is \\boxed{\\pounds 3.20}.', true],
  ['currency', '3.20', 'So the price is \\boxed{\\pounds 3.30}.', false],
  ['decimal-comma', '2.75', '\\[ \\boxed{2{,}75} \\]', true],
  ['separators', '2500', 'Final answer: 2,500', true],
  ['final-answer-env', '(1, -2)', 'The final answer is \\((1,-2)\\).', true],
  ['final-answer-env', '(1, -2)', 'The final answer is $(-2, 1)$.', false],
  ['answer-tags', 'x^2+1', '<answer>$x^2 + 1$</answer>', true],
  ['relations', '[3, \\infty)', '\\boxed{x \\geq 3}', true],
  ['unicode', '\\frac{1}{2}', 'The probability is \\boxed{½}.', true],
  ['unicode', '6', 'So 2 × 3 = \\boxed{6}', true],
  ['time', '9:05', 'She arrives at \\boxed{9:05 \\text{ a.m.}}', true],
  ['minerva-sentence', '4.2 \\times 10^{5}', 'Final Answer: The final answer is $4.2 \\times 10^5$. I hope it is correct.', true],
  ['minerva-sentence', '4.2 \\times 10^{5}', 'Final Answer: The final answer is $4.2 \\times 10^6$. I hope it is correct.', false],
);

describe('train mode reads answers in common conventions', () => {
  it.each(CASES)('%s: gold %s, response %s -> %s', (_category, gold, response, expected) => {
    expect(verifyAnswer(gold, response, { mode: 'train' }).correct).toBe(expected);
  });
});
