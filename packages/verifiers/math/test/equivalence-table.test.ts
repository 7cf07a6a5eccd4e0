import { describe, expect, it } from 'vitest';
import { isEquivalent } from '../src/index.js';

/** Pairs in the style of the public graders' test suites; verdicts worked out by hand. */
const pairs: Array<[string, string, boolean]> = [
  ['\\text{Even}', 'Even', true], ['$\\frac{1}{2}$', '0.5', true], ['\\left(1,2\\right)', '(1,2)', true],
  ['\\{1,2\\}', '\\{2,1\\}', true], ['3\\sqrt{2}', '\\sqrt{18}', true], ['-\\infty', '-\\infty', true],
  ['2 \\text{ cm}', '2', true], ['3', '3 hours', true], ['5\\%', '0.05', true], ['\\$5.00', '5', true],
  ['\\frac{\\sqrt{6}-\\sqrt{2}}{4}', '\\sin 15^\\circ', true], ['x=2', '2', true], ['a=2, b=3', '(2,3)', true],
  ['10^{10}', '10000000000', true], ['1.5 \\times 10^{3}', '1500', true], ['\\sqrt{2}/2', '\\frac{\\sqrt2}{2}', true],
  ['\\dfrac{1}{3}', '0.\\overline{3}', true], ['2, 3', '3 and 2', true], ['x \\in (0, 1)', '0 < x < 1', true],
  ['f(x)=x^2', 'x^2', true], ['y = 2x', '2x', true], ['\\text{(C)}', 'C', true], ['x^2+y^2=1', 'y^2+x^2=1', true],
  ['\\log_{10} 100', '2', true], ['\\sqrt[3]{8}', '2', true], ['3!', '6', true], ['\\binom{5}{2}', '10', true],
  ['i', '\\sqrt{-1}', true], ['1 + i', 'i + 1', true], ['\\frac{\\pi}{4}', '\\frac{\\pi}{5}', false],
  ['\\$1,000', '1000', true], ['1,000,000', '10^6', true], ['\\frac{3}{2}', '1\\frac{1}{2}', true],
  ['1\\frac{1}{2}', '\\frac{1}{2}', false], ['2\\sqrt{3}', '2 \\sqrt 3', true], ['\\sqrt{3}', '1.7320508', true],
  ['100', '100.00', true], ['0.1', '10\\%', true], ['12', '12.0\\%', true], ['-3', '- 3', true],
  ['\\frac{-1}{2}', '-\\frac12', true], ['\\cos^2 x', '1 - \\sin^2 x', true], ['\\tan x', '\\frac{\\sin x}{\\cos x}', true],
  ['e', '\\mathrm{e}', true], ['e^2', '\\exp(2)', true], ['\\pi r^2', 'r^2\\pi', true], ['\\frac{a}{b}', 'a/b', true],
  ['ab', 'ba', true], ['a-b', 'b-a', false], ['2^{-1}', '0.5', true], ['\\frac{1}{0}', '1', false], ['5', 'five', true],
  ['\\text{no solution}', 'No solution', true], ['(1,2]', '(1,2)', false], ['[1,2]', '\\left[1, 2\\right]', true],
  ['x>1', 'x \\in (1, \\infty)', true], ['x \\ne 1', 'x \\neq 1', true], ['3+4i', '3-4i', false],
  ['\\frac{1}{2} \\text{ hour}', '30 \\text{ minutes}', false], ['30^\\circ', '\\frac{\\pi}{6}', false],
  ['1/2', '2/4', true], ['y=-x+3', 'x+y=3', true], ['y=-x+3', 'x+y=4', false],
  ['0.\\overline{142857}', '\\frac17', true], ['0.1\\overline{6}', '\\frac16', true], ['3:00 PM', '15:00', true],
  ['3\\frac{1}{4}', '3.25', true], ['-3\\frac14', '-3.25', true], ['3:4', '\\frac34', true], ['1:2', '2:4', true], ['3:4', '4:3', false],
  ['6.02 \\times 10^{23}', '6.02e23', true], ['1.77 \\times 10^{-6}', '0.00000177', true], ['1.77 \\times 10^{-6}', '1.8 \\times 10^{-6}', false],
  ['\\$1,000.50', '1000.5', true], ['x \\approx 11.0', '11', true], ['10101_2', '21', false],
  ['\\frac{\\sqrt{3}}{2}', '\\sin 60^{\\circ}', true], ['\\sin 60^\\circ', '\\frac{\\sqrt3}{2}', true], ['60^\\circ', '60', true],
  ['\\frac{\\pi}{3}', '60^\\circ', false], ['2.5\\text{ hours}', '2.5', true], ['\\text{2 hours}', '2', true],
  ['\\frac{1}{2}', '\\frac{2}{4}', true], ['(1, 2, 3)', '(1,2,3)', true], ['\\sqrt{2} + \\sqrt{3}', '\\sqrt{5+2\\sqrt6}', true],
  ['\\frac{1+\\sqrt5}{2}', '\\frac{2}{\\sqrt5 - 1}', true], ['\\arctan 1', '\\frac{\\pi}{4}', true], ['\\log_3 81', '4', true],
  ['10', '10.', true], ['-0', '0', true], ['\\infty', '-\\infty', false], ['1', '0.9999', false], ['1', '\\frac{9999}{10000}', false],
];

describe('equivalence table', () => {
  it.each(pairs)('%j vs %j -> %s', (gold, cand, expected) => {
    expect(isEquivalent(gold, cand)).toBe(expected);
  });
});
