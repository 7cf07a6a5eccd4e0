import { describe, expect, it } from 'vitest';
import { extractAnswer, verifyAnswer } from '../src/index.js';

const evalMode = { mode: 'eval' as const };
const train = { mode: 'train' as const };

/**
 * Faults of prompt-aug's own eval grader found against the paper's grader on real outputs
 * (issue 14), each with its expected verdict. Where the official grader agrees, the verdict is
 * its output on exactly this pair (../shared/reference/paper-graders/grade.py --mode eval);
 * where it does not, the comment says why the maths decides otherwise.
 */
describe('eval grader: fixed faults', () => {
  it('an unclosed \\boxed{ early in a response does not hide the final box (official: correct)', () => {
    const v = verifyAnswer('5', 'Let me write \\boxed{ as a reminder. Working: 2+3.\nThe answer is \\boxed{5}.', evalMode);
    expect(v).toMatchObject({ correct: true, extracted: '5' });
  });

  it('reads the whole response: a box after 30,000 characters is found (official: correct)', () => {
    expect(verifyAnswer('7', `${'y'.repeat(30_000)} so \\boxed{7}`, evalMode).correct).toBe(true);
  });

  it('train mode: `\\boxed{` + 20k junk + `7}` is a box holding junk, not the answer 7', () => {
    const response = `\\boxed{${'junk '.repeat(4_000)}7}`;
    expect(verifyAnswer('7', response, train).correct).toBe(false);
    expect(verifyAnswer('7', response, evalMode).correct).toBe(false);
  });

  it('boxes on consecutive lines are separate statements, not one list (official: correct, 4)', () => {
    const v = verifyAnswer('4', '\\[\n\\boxed{3}\n\\]\n\\[\n\\boxed{4}\n\\]', evalMode);
    expect(v).toMatchObject({ correct: true, extracted: '4' });
    // Boxes listed on one line still form one answer.
    expect(extractAnswer('so $x = \\boxed{-5}$ and $x = \\boxed{7}$', evalMode)).toBe('-5, 7');
  });

  it('eval mode: the final box after a correction is the answer (official: correct)', () => {
    const v = verifyAnswer('4', 'First I thought \\boxed{3}. Checking step 2 again, the result is \\boxed{4}.', evalMode);
    expect(v).toMatchObject({ correct: true, extracted: '4' });
  });

  it.each([
    ['\\AA after a number is the unit asked for (official: correct)', '9.6', '\\boxed{9.6 \\AA}'],
    ["'' (arc seconds) after a number (official: correct)", '0.003', "\\boxed{0.003''}"],
    // The official grader says incorrect here (its normaliser keeps ^{\prime\prime}); 0.003 arcsec is the asked 0.003.
    ['^{\\prime\\prime} after a number (maths: the unit mark of the asked quantity)', '0.003', '\\boxed{0.003^{\\prime\\prime}}'],
    ['\\text{ erg/s}, a compound unit (official: correct)', '4 \\times 10^{33}', '\\boxed{4 \\times 10^{33} \\text{ erg/s}}'],
    ['12th is 12 (official: correct)', '12', '\\boxed{12th}'],
    ['12^{\\text{th}} is 12 (official: correct)', '12', '\\boxed{12^{\\text{th}}}'],
    ['11,\\! 111 is eleven thousand one hundred eleven (official: correct)', '11111', '\\boxed{11,\\! 111}'],
  ])('%s', (_name, gold, response) => {
    expect(verifyAnswer(gold, response, evalMode).correct).toBe(true);
  });

  it('a number beyond the range of doubles is not "equal" to 504 (official: incorrect)', () => {
    expect(verifyAnswer('504', '\\boxed{1.07 \\times 10^{300}}', evalMode).correct).toBe(false);
    expect(verifyAnswer('504', '\\boxed{1.0715086071862673 \\times 10^{2567}}', evalMode).correct).toBe(false);
  });
});
