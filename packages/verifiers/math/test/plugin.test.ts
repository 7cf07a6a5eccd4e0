import { describe, expect, it } from 'vitest';
import type { VerifierPlugin } from '@prompt-aug/plugin-api';
import plugin, { extractAnswer, verifyAnswer } from '../src/index.js';

describe('the plugin object', () => {
  it('is a plain apiVersion 1 verifier plugin', () => {
    const p: VerifierPlugin = plugin;
    expect(p).toMatchObject({ kind: 'verifier', name: 'verifier-math', apiVersion: 1 });
    expect(p.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.extract).toBe(extractAnswer);
    expect(p.verify).toBe(verifyAnswer);
  });

  it('returns verdicts with the extracted answer and a reason', () => {
    expect(plugin.verify('\\frac{1}{2}', 'So $\\boxed{0.5}$.', { mode: 'eval' })).toEqual({
      correct: true,
      extracted: '0.5',
      reason: 'value-equal',
    });
    expect(plugin.verify('3', 'So $\\boxed{4}$.', { mode: 'eval' })).toEqual({ correct: false, extracted: '4', reason: 'mismatch' });
  });

  it('train is the default mode', () => {
    expect(plugin.extract('The answer is 7')).toBe('7');
    expect(plugin.extract('The answer is 7', { mode: 'eval' })).toBeNull();
  });
});
