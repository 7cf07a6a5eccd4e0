import { describe, expect, it } from 'vitest';
import { extractAnswer, isEquivalent, verifyAnswer } from '../src/index.js';

/** Run `fn`, return its result and the wall time; the bound asserted is deliberately generous. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

const GENEROUS_MS = 1000;

describe('pathological inputs finish quickly and deterministically', () => {
  it('a 5^5^5^5 power tower against a different tower', () => {
    const tower = '5^{5^{5^{5}}}';
    const { result, ms } = timed(() => verifyAnswer(tower, `\\boxed{5^{5^{5^{6}}}}`, { mode: 'eval' }));
    expect(result.correct).toBe(false);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('the same tower is accepted by string identity without evaluating it', () => {
    const tower = '5^{5^{5^{5^{5}}}}';
    const { result, ms } = timed(() => verifyAnswer(tower, `\\boxed{${tower}}`, { mode: 'eval' }));
    expect(result.correct).toBe(true);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('the last three digits of 2003^{2002^{2001}} (a hang reported for sympy graders)', () => {
    const { result, ms } = timed(() => verifyAnswer('241', 'so \\boxed{2003^{2002^{2001}} \\bmod 1000}', { mode: 'eval' }));
    expect(result.correct).toBe(false);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('a 100,000-character answer', () => {
    const long = '1+'.repeat(50_000) + '1';
    const { result, ms } = timed(() => verifyAnswer('7', `\\boxed{${long}}`, { mode: 'eval' }));
    expect(result.correct).toBe(false);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('a 100,000-character response of prose and dollar signs', () => {
    const noise = 'we get $x$ and \\[ y \\( $ '.repeat(4000);
    const { result, ms } = timed(() => verifyAnswer('3', `${noise} so the answer is 3`, { mode: 'train' }));
    expect(result.correct).toBe(true);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('braces nested 10,000 deep, closed and unclosed', () => {
    const deep = '{'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const closed = timed(() => verifyAnswer('1', `\\boxed{${deep}}`, { mode: 'eval' }));
    const open = timed(() => verifyAnswer('1', `\\boxed{${'{'.repeat(10_000)}1`, { mode: 'eval' }));
    const parens = timed(() => isEquivalent('1', '('.repeat(10_000) + '1' + ')'.repeat(10_000)));
    expect(open.result.correct).toBe(false);
    expect(typeof closed.result.correct).toBe('boolean');
    expect(typeof parens.result).toBe('boolean');
    for (const t of [closed, open, parens]) expect(t.ms).toBeLessThan(GENEROUS_MS);
  });

  it('huge factorials and binomials are refused rather than computed', () => {
    const { result, ms } = timed(() => isEquivalent('(10^{9})!', '(10^{9}+1)!'));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('a list of 5,000 items', () => {
    const items = Array.from({ length: 5000 }, (_, k) => String(k)).join(', ');
    const { result, ms } = timed(() => verifyAnswer(items, `\\boxed{${items.replace('4999', '5000')}}`, { mode: 'eval' }));
    expect(result.correct).toBe(false);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it('a tiny budget ends the check with a reason instead of running on', () => {
    const a = Array.from({ length: 50 }, (_, k) => `\\sqrt{${k + 2}}`).join(', ');
    const b = Array.from({ length: 50 }, (_, k) => `\\sqrt{${51 - k}}`).join(', ');
    const v = verifyAnswer(a, b, { kind: 'answer', timeoutMs: 0 });
    expect(v.correct).toBe(false);
    expect(v.reason).toBe('budget-exceeded');
    expect(isEquivalent(a, b, { timeoutMs: 0 })).toBe(false);
    expect(isEquivalent(a, b)).toBe(true);
  });

  it('gives the same verdict every time (seeded sample points, no randomness)', () => {
    const run = () => verifyAnswer('\\frac{\\sqrt{x}}{x}', '\\frac{1}{\\sqrt{x}}', { kind: 'answer' });
    expect(run()).toEqual(run());
    expect(run().correct).toBe(true);
  });

  it('extraction of a response with many unmatched \\boxed{ is linear', () => {
    const { result, ms } = timed(() => extractAnswer('\\boxed{'.repeat(20_000), { mode: 'eval' }));
    expect(result).toBeNull();
    expect(ms).toBeLessThan(GENEROUS_MS);
  });
});
