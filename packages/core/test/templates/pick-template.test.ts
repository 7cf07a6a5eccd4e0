import { describe, expect, it } from 'vitest';
import { pickTemplate } from '../../src/templates/pick-template.js';
import { isUserError } from '../../src/util/user-error.js';

const set = Array.from({ length: 13 }, (_, i) => ({ id: `t${i}` }));
const base = { set, seed: 42, epoch: 0 };

// Chi-square statistic of observed counts against equal expected counts.
function chiSquare(counts: number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

function countIds(ids: string[]): number[] {
  return set.map((t) => ids.filter((id) => id === t.id).length);
}

describe('pickTemplate, per-prompt (default)', () => {
  it('is a pure function of (seed, epoch, prompt): same inputs, same template, in any call order', () => {
    const forward = Array.from({ length: 200 }, (_, p) => pickTemplate({ ...base, promptIndex: p }).id);
    const backward = Array.from({ length: 200 }, (_, k) => pickTemplate({ ...base, promptIndex: 199 - k }).id).reverse();
    expect(backward).toEqual(forward);
  });

  it('gives the whole rollout group the same template (rolloutIndex is ignored)', () => {
    for (let p = 0; p < 50; p++) {
      const ids = new Set(Array.from({ length: 8 }, (_, r) => pickTemplate({ ...base, promptIndex: p, rolloutIndex: r }).id));
      expect(ids.size).toBe(1);
    }
  });

  it('draws uniformly over 13 templates (chi-square, 12 dof, p = 0.001 bound 32.91)', () => {
    const n = 26_000;
    const ids = Array.from({ length: n }, (_, p) => pickTemplate({ ...base, promptIndex: p }).id);
    expect(chiSquare(countIds(ids), n)).toBeLessThan(32.91);
  });

  it('draws anew each epoch and for each seed (about 12 in 13 prompts change template)', () => {
    const n = 2600;
    let changedByEpoch = 0;
    let changedBySeed = 0;
    for (let p = 0; p < n; p++) {
      const first = pickTemplate({ ...base, promptIndex: p }).id;
      if (pickTemplate({ ...base, epoch: 1, promptIndex: p }).id !== first) changedByEpoch++;
      if (pickTemplate({ ...base, seed: 43, promptIndex: p }).id !== first) changedBySeed++;
    }
    // Expected 2400 of 2600; binomial sd is about 13.6, so +-100 is over 7 sd.
    expect(Math.abs(changedByEpoch - 2400)).toBeLessThan(100);
    expect(Math.abs(changedBySeed - 2400)).toBeLessThan(100);
  });

  it('follows weights: 3:1 between two templates, weight 0 never drawn, unnamed templates weigh 1', () => {
    const pair = [{ id: 'a' }, { id: 'b' }, { id: 'never' }];
    const select = { mode: 'per-prompt' as const, weights: { a: 3, never: 0 } };
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, p) => pickTemplate({ set: pair, select, seed: 1, epoch: 0, promptIndex: p }).id);
    const a = ids.filter((id) => id === 'a').length;
    expect(ids).not.toContain('never');
    // Expected 15000 (3/4); binomial sd is about 61, so +-300 is about 5 sd.
    expect(Math.abs(a - 15_000)).toBeLessThan(300);
  });

  it('rejects weights that cannot be drawn from, and an empty set, as UserErrors', () => {
    const all0 = () => pickTemplate({ set: [{ id: 'a' }], select: { mode: 'per-prompt', weights: { a: 0 } }, seed: 1, epoch: 0, promptIndex: 0 });
    expect(all0).toThrow(/at least one template must weigh more than 0/);
    const empty = () => pickTemplate({ set: [], seed: 1, epoch: 0, promptIndex: 0 });
    expect(empty).toThrow(/template set is empty/);
    try {
      empty();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
    }
  });

  it('rejects a non-integer seed as a UserError naming the seed', () => {
    try {
      pickTemplate({ ...base, seed: 1.5, promptIndex: 0 });
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toContain('got 1.5');
    }
  });
});

describe('pickTemplate, per-rollout', () => {
  const select = { mode: 'per-rollout' as const };

  it('lets rollouts of one prompt draw different templates, deterministically', () => {
    const group = (p: number) => Array.from({ length: 8 }, (_, r) => pickTemplate({ ...base, select, promptIndex: p, rolloutIndex: r }).id);
    expect(group(5)).toEqual(group(5));
    // 8 independent uniform draws over 13 all agree with probability 13^-7; over 20 groups, never.
    const groupsWithSeveral = Array.from({ length: 20 }, (_, p) => new Set(group(p)).size > 1).filter(Boolean).length;
    expect(groupsWithSeveral).toBe(20);
  });

  it('draws uniformly over (prompt, rollout) pairs (chi-square, 12 dof, bound 32.91)', () => {
    const ids: string[] = [];
    for (let p = 0; p < 3250; p++) for (let r = 0; r < 8; r++) ids.push(pickTemplate({ ...base, select, promptIndex: p, rolloutIndex: r }).id);
    expect(chiSquare(countIds(ids), ids.length)).toBeLessThan(32.91);
  });

  it('needs a rolloutIndex', () => {
    expect(() => pickTemplate({ ...base, select, promptIndex: 0 })).toThrow(/rolloutIndex must be a non-negative integer/);
  });
});

describe('pickTemplate, round-robin', () => {
  const select = { mode: 'round-robin' as const };

  it('hands out templates in set order by the global prompt counter, wrapping around', () => {
    const three = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
    const ids = [0, 1, 2, 3, 4, 7].map((c) => pickTemplate({ set: three, select, seed: 9, epoch: 2, promptIndex: 100, globalPromptCounter: c }).id);
    expect(ids).toEqual(['x', 'y', 'z', 'x', 'y', 'y']);
  });

  it('needs a globalPromptCounter', () => {
    expect(() => pickTemplate({ ...base, select, promptIndex: 0 })).toThrow(/globalPromptCounter must be a non-negative integer/);
  });

  it('rejects an unknown mode as a UserError', () => {
    const run = () => pickTemplate({ ...base, select: { mode: 'sometimes' as never }, promptIndex: 0 });
    expect(run).toThrow(/Unknown template selection mode "sometimes"/);
  });
});
