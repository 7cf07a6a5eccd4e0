import { expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';

// Vitest runs each test file in a fresh module graph, so this is the process's first check:
// creating the parsing engines (100+ ms) must not be charged to its time budget.
it('the first check of a process is not failed by engine start-up', () => {
  const v = verifyAnswer('\\frac{\\sqrt3}{3}', 'so $\\boxed{\\frac{1}{\\sqrt3}}$', { mode: 'eval', timeoutMs: 100 });
  expect(v).toEqual({ correct: true, extracted: '\\frac{1}{\\sqrt3}', reason: 'value-equal' });
});
