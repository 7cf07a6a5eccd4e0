import { describe, expect, it } from 'vitest';
import { paperExtract, pythonFloatRepr, verifyAnswer, verifyPaper } from '../src/index.js';

/**
 * Each row: [quirk, gold, response, official verdict, official extracted answer]. The verdicts
 * and extracted answers were produced by running the paper's released grader
 * (understand-r1-zero `boxed_reward_fn(response, gold, fast=False)`, through
 * ../shared/reference/paper-graders/grade.py --mode eval) on exactly these inputs; they are
 * not prompt-aug's output. A number gold is the float64 AMC column (the oracle sees 142.0).
 */
const ORACLE: [string, string | number | string[], string, boolean, string | null][] = [
  ["last-box-later", "4", "First \\boxed{3}. On reflection the result is \\boxed{4}.", true, "4"],
  ["last-box-earlier", "3", "First \\boxed{3}. On reflection the result is \\boxed{4}.", false, "4"],
  ["no-fallback", "42", "The answer is 42.", false, null],
  ["fbox-only", "5", "so \\fbox{5}", false, null],
  ["boxed-no-brace", "5", "so \\boxed 5", false, null],
  ["unclosed-last", "5", "\\boxed{5} and then \\boxed{6", false, null],
  ["amc-float", 142, "\\boxed{142}", true, "142"],
  ["amc-float-dot0", 142, "\\boxed{142.0}", true, "142.0"],
  ["minerva-newline-off", ["\\frac{2}{3} \\frac{C}{S}\n"], "\\boxed{\\frac{2C}{3S}}", false, "\\frac{2C}{3S}"],
  ["minerva-no-newline", ["\\frac{2}{3} \\frac{C}{S}"], "\\boxed{\\frac{2C}{3S}}", true, "\\frac{2C}{3S}"],
  ["minerva-newline-lone-number", ["1.07 \\times 10^{16}\n"], "\\boxed{10}", true, "10"],
  ["minerva-newline-sympy", ["0.15\n"], "\\boxed{\\frac{3}{20}}", true, "\\frac{3}{20}"],
  ["round6-yes", "\\frac{1}{3}", "\\boxed{0.333333}", true, "0.333333"],
  ["round6-no", "\\frac{1}{3}", "\\boxed{0.3333}", false, "0.3333"],
  ["tiny-snap", "8.224e-19", "\\boxed{8.234e-19}", true, "8.234e-19"],
  ["e-is-euler", "3.89e-10", "\\boxed{3.90 \\times 10^{-10}}", false, "3.90 \\times 10^{-10}"],
  ["ordinal", "12", "\\boxed{12th}", true, "12th"],
  ["relation-vs-interval", "(-\\infty,-5)", "\\boxed{k<-5}", false, "k<-5"],
  ["interval-vs-relation", "k<-5", "\\boxed{(-\\infty,-5)}", true, "(-\\infty,-5)"],
  ["percent", "10", "\\boxed{10\\%}", true, "10\\%"],
  ["unit-letter-deleted", "s^2+\\omega^2", "\\boxed{^2+\\omega^2}", true, "^2+\\omega^2"],
  ["sqrt-no-positivity", "\\sqrt{4 \\pi r^{2}}", "\\boxed{2\\sqrt{\\pi} r}", false, "2\\sqrt{\\pi} r"],
  ["overflow", "504", "\\boxed{1.0715086071862673 \\times 10^{2567}}", false, "1.0715086071862673 \\times 10^{2567}"],
  ["degrees", "$44^{\\circ}$", "\\boxed{44}", true, "44"],
  ["tuple-brackets", "(1,2)", "\\boxed{[1,2]}", false, "[1,2]"],
  ["unreduced", "\\frac{1}{2}", "\\boxed{\\frac{2}{4}}", true, "\\frac{2}{4}"],
];

describe('paper protocol: reproduces the official eval grader verdict by verdict', () => {
  it.each(ORACLE)('%s', (_quirk, gold, response, correct, extracted) => {
    const verdict = verifyPaper(gold, response);
    expect(verdict.correct).toBe(correct);
    expect(verdict.extracted).toBe(extracted);
  });

  it('is the verifier plugin\'s --mode paper', () => {
    for (const [, gold, response, correct] of ORACLE) expect(verifyAnswer(gold, response, { mode: 'paper' }).correct).toBe(correct);
  });
});

describe('paper protocol: extraction and gold reading', () => {
  it('reads the whole response: a box after 20,000 characters is found', () => {
    expect(paperExtract('x'.repeat(30_000) + ' \\boxed{7}')).toBe('7');
  });

  it('reads a number gold as Python prints a float64 (str(142.0) == "142.0")', () => {
    expect(pythonFloatRepr(142)).toBe('142.0');
    expect(pythonFloatRepr(-7)).toBe('-7.0');
    expect(pythonFloatRepr(0.5)).toBe('0.5');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
    expect(pythonFloatRepr(1e-5)).toBe('1e-05');
  });
});
