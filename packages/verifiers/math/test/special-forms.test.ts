import { describe, expect, it } from 'vitest';
import { isEquivalent, verifyAnswer } from '../src/index.js';

const yes = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} ~ ${cand}`).toBe(true);
const no = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} !~ ${cand}`).toBe(false);

describe('multiple choice', () => {
  it('compares option letters in any wrapping', () => {
    yes('E', '\\mathrm{E}');
    yes('\\textbf{A}', 'A');
    yes('C', '(C)');
    yes('B', '\\textbf{(B) } 12');
    no('A', 'C');
    no('\\mathrm{E}*2', 'E');
    no('E', '\\mathrm{E}*2');
    no('C', 'C + 1');
  });

  it('finds a letter in a prose response when the gold is a letter', () => {
    expect(verifyAnswer('B', "It's not A because it fails; therefore I think it's B").correct).toBe(true);
    expect(verifyAnswer('C', 'thinking about it I think the correct answer is C').correct).toBe(true);
    expect(verifyAnswer('A', "It's not A; therefore I think it's B").correct).toBe(false);
  });
});

describe('base subscripts, times of day, text', () => {
  it('keeps the base of a numeral', () => {
    yes('4210_{7}', '4210_7');
    no('204_6', '204_5');
    no('1112112_3', '1112122_3');
    yes('1112112_3', '1112112');
  });

  it('reads times with a.m./p.m.', () => {
    yes('\\text{4:30 p.m.}', '4:30 \\text{ p.m.}');
    yes('20:34', '8:34 PM');
    yes('12:00', '12:00');
    no('4:30 p.m.', '4:30 a.m.');
  });

  it('compares plain text answers case-insensitively, nothing looser', () => {
    yes('\\text{Evelyn}', 'evelyn');
    yes('\\text{e}', 'e');
    yes('\\text{The midpoints form a regular hexagon}', '\\text{the midpoints form a regular hexagon}');
    no('\\text{oddd}', 'odd');
    no('\\text{even}', '\\text{odd}');
  });
});

describe('gold formats of the five benchmarks', () => {
  it('any of several golds counts (Minerva lists, trailing newlines)', () => {
    expect(verifyAnswer(['11000\n', '11000'], '\\boxed{11000}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer(['cx^{-2}\n', 'y=cx^{-2}\n'], '\\boxed{y = c x^{-2}}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer(['9.6\n'], '\\boxed{9.7}', { mode: 'eval' }).correct).toBe(false);
  });

  it('AMC golds arrive as numbers: 142 means 142.0 and both spellings pass', () => {
    const amc = 142 as unknown as string;
    expect(verifyAnswer(amc, '\\boxed{142}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer('142.0', '\\boxed{142}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer(amc, '\\boxed{142.0}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer(amc, '\\boxed{143}', { mode: 'eval' }).correct).toBe(false);
  });

  it('OlympiadBench golds wrapped in $…$ and golds that contain \\boxed', () => {
    expect(verifyAnswer(['$n^{2}-n+1$'], '\\boxed{n^2 - n + 1}', { mode: 'eval' }).correct).toBe(true);
    expect(verifyAnswer('so \\boxed{7}', '\\boxed{7}', { mode: 'eval' }).correct).toBe(true);
  });

  it('kind "answer" takes the response as the bare answer', () => {
    expect(verifyAnswer('10', 'Answer \\( (9+1) \\)', { kind: 'answer' })).toEqual({
      correct: true,
      extracted: 'Answer \\( (9+1) \\)'.replace(/^Answer\s*/, ''),
      reason: 'value-equal',
    });
  });
});
