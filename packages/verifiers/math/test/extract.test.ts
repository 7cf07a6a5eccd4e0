import { describe, expect, it } from 'vitest';
import { extractAnswer, verifyAnswer } from '../src/index.js';

const train = { mode: 'train' as const };
const evalMode = { mode: 'eval' as const };

describe('eval mode: the last boxed answer only (paper §2.5)', () => {
  it('takes the last box, brace-matched, and \\fbox too', () => {
    expect(extractAnswer('so $\\boxed{\\frac{1}{2}}$.', evalMode)).toBe('\\frac{1}{2}');
    expect(extractAnswer('x = \\fbox{7}', evalMode)).toBe('7');
    expect(extractAnswer('\\boxed{\\{1, 2\\}}', evalMode)).toBe('\\{1, 2\\}');
  });

  it('has no fallback: phrases and bare numbers are not answers', () => {
    expect(extractAnswer('The answer is 42.', evalMode)).toBeNull();
    expect(verifyAnswer('42', 'The final answer is 42', evalMode).reason).toBe('no-boxed-answer');
  });

  it('does not cut at stop words (the grader reads the whole response)', () => {
    expect(extractAnswer('<|im_end|> later \\boxed{5}', evalMode)).toBe('5');
  });

  it('accepts repeated identical boxes; different ones: eval takes the final box, train refuses', () => {
    expect(extractAnswer('\\boxed{840} ... so \\boxed{840}', evalMode)).toBe('840');
    const hedged = 'First I thought \\boxed{3}. After fixing the sign the result is actually \\boxed{4}.';
    // Eval: the final box is the answer (the rule measured on real outputs, docs/grading.md).
    expect(extractAnswer(hedged, evalMode)).toBe('4');
    // Train: contradicting boxes earn no reward, so boxing several candidates does not pay.
    expect(verifyAnswer('4', hedged, train).reason).toBe('conflicting-boxes');
  });

  it('joins a final run of adjacent boxes into one listed answer', () => {
    expect(extractAnswer('roots: $\\boxed{2}, \\boxed{-3}$', evalMode)).toBe('2, -3');
    expect(verifyAnswer('-3, 2', 'roots: $\\boxed{2}$ and $\\boxed{-3}$', evalMode).correct).toBe(true);
  });

  it('treats an empty box or a sprayed run of boxes as no answer', () => {
    expect(verifyAnswer('0', 'The answer is $\\boxed{}$.', evalMode).reason).toBe('empty-box');
    const spray = Array.from({ length: 30 }, (_, k) => `\\boxed{${k}}`).join(' ');
    expect(verifyAnswer('7', spray, evalMode).reason).toBe('too-many-boxes');
  });

  it('ignores \\boxed{\\phantom{…}} blanks copied from the problem', () => {
    expect(extractAnswer('fill $\\boxed{\\phantom{2}}$: it is \\boxed{4}', evalMode)).toBe('4');
  });
});

describe('train mode: the paper §2.4 order, widened', () => {
  it('cuts at the first stop word before looking', () => {
    expect(extractAnswer('\\boxed{3}</answer> then \\boxed{9}', train)).toBe('3');
    expect(extractAnswer('The answer is 5.<|im_end|>\nuser: 6', train)).toBe('5');
  });

  it('prefers the Minerva sentence, then boxes, then phrases', () => {
    expect(extractAnswer('\\boxed{255}. Final Answer: The final answer is $10,455$. I hope it is correct.', train)).toBe('10,455');
    expect(extractAnswer('we get \\boxed{12}. The answer is 13', train)).toBe('12');
    expect(extractAnswer('Thus the answer is 17.', train)).toBe('17');
    expect(extractAnswer('Work...\nAnswer: $\\frac{3}{4}$', train)).toBe('\\frac{3}{4}');
  });

  it('reads a Minerva "Final Answer:" line written as prose', () => {
    expect(extractAnswer('Final Answer: Jane started 3 hours ago. I hope it is correct.', train)).toBe('3');
    expect(extractAnswer('Final Answer: The volume of $ABCD$ is 120. I hope it is correct.', train)).toBe('120');
    expect(extractAnswer('The answer is \\frac{1}{2} square units.', train)).toBe('\\frac{1}{2}');
  });

  it('uses <answer> tags and a template answer format', () => {
    expect(extractAnswer('<think> half </think> <answer> 1/2 </answer>', train)).toBe('1/2');
    const template = { answerFormat: { boxed: false, enclosedBy: { open: '<solution>', close: '</solution>' } } };
    expect(extractAnswer('<solution>so 12</solution> 99', { ...train, template })).toBe('so 12');
    const introduced = { answerFormat: { boxed: false, introducedBy: 'The final answer is:' } };
    expect(extractAnswer('x=2 so 3x=6.\nThe final answer is: 6\n', { ...train, template: introduced })).toBe('6');
  });

  it('falls back to bold, the last math span, a program output, then the last number', () => {
    expect(extractAnswer('So it is consistent.\n\nFinal Answer: **73**', train)).toBe('73');
    expect(extractAnswer('the residents who own all four: **73**', train)).toBe('73');
    expect(extractAnswer('Therefore $x \\geq 5$ is the solution.', train)).toBe('x \\geq 5');
    expect(extractAnswer('```output\n16.0\n```\n16 people think horse #12 wins.', train)).toBe('16.0');
    expect(extractAnswer('so the number is 10 which is 1,000.99m²', train)).toBe('1,000.99');
  });

  it('returns null when there is nothing that looks like an answer', () => {
    expect(extractAnswer('I do not know.', train)).toBeNull();
    expect(verifyAnswer('1', 'I do not know.', train)).toEqual({ correct: false, extracted: null, reason: 'no-answer' });
  });
});

describe('answers that hedge are not answers', () => {
  it('rejects "41 or 42" but keeps golds that are themselves alternatives', () => {
    expect(verifyAnswer('41', '\\boxed{41 \\text{ or } 42}', evalMode).reason).toBe('multiple-answers');
    expect(verifyAnswer('42', 'The answer is 41 or 42', train).correct).toBe(false);
    expect(verifyAnswer('(-\\infty,2) \\cup (3,\\infty)', '\\boxed{x < 2 \\text{ or } x > 3}', evalMode).correct).toBe(true);
  });
});

describe('unicode math written by models', () => {
  it('reads √ − × · π ² and ≤', () => {
    expect(verifyAnswer('3+2\\sqrt{2}', '\\boxed{3 + 2√2}', evalMode).correct).toBe(true);
    expect(verifyAnswer('-5', '\\boxed{−5}', evalMode).correct).toBe(true);
    expect(verifyAnswer('6\\pi', '\\boxed{2 × 3 · π}', evalMode).correct).toBe(true);
    expect(verifyAnswer('x^2', '\\boxed{x²}', evalMode).correct).toBe(true);
    expect(verifyAnswer('x \\le 3', '\\boxed{x ≤ 3}', evalMode).correct).toBe(true);
    expect(verifyAnswer('3 + 2\\sqrt{3}', '\\boxed{3 + 2√2}', evalMode).correct).toBe(false);
    const lines = '\\boxed{2\n\n3\n\n3/2+(√3/2)i\n\n3/2-(√3/2)i}';
    expect(verifyAnswer('2,3,\\frac{3}{2}\\pm\\frac{\\sqrt{3}}{2}i', lines, evalMode).correct).toBe(true);
  });
});
