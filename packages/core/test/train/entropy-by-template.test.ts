import { describe, expect, it } from 'vitest';
import { entropyByTemplate } from '../../src/train/entropy-by-template.js';

describe('entropyByTemplate', () => {
  it('pools each template\'s response tokens (hand-computed), ignoring entries past a response\'s length', () => {
    const rollouts = [
      { responseIds: [7, 8], template: { id: 'a' } },
      { responseIds: [9, 9, 9], template: { id: 'b' } },
      { responseIds: [5], template: { id: 'a' } },
    ];
    // a: tokens 1, 2 and 3 → 2 (a mean of the two rows' means would say 2.25); b: 0.5, 0.25, 0.75 → 0.5; the 99 is padding.
    expect(entropyByTemplate([[1, 2, 99], [0.5, 0.25, 0.75], [3]], rollouts)).toEqual({ a: 2, b: 0.5 });
  });
});
