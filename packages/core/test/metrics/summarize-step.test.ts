import { describe, expect, it } from 'vitest';
import { mean, meanByTemplate, summarizeResponseLengths, tokensPerSecond } from '../../src/metrics/summarize-step.js';
import { flattenScalars } from '../../src/metrics/flatten-scalars.js';

describe('summarizeResponseLengths', () => {
  it('mean, max and truncated fraction of one generate() output, by hand', () => {
    // lengths 10 + 20 + 30 + 512 = 572 → mean 143; max 512; one of four hit the limit → 0.25
    const summary = summarizeResponseLengths({ lengths: [10, 20, 30, 512], finishReasons: ['eos', 'stop', 'eos', 'length'] });
    expect(summary).toEqual({ meanLength: 143, maxLength: 512, truncatedFraction: 0.25 });
  });

  it('is NaN (a gap in the charts, not a fake zero) for an empty step', () => {
    const summary = summarizeResponseLengths({ lengths: [], finishReasons: [] });
    expect(summary.meanLength).toBeNaN();
    expect(summary.maxLength).toBeNaN();
    expect(summary.truncatedFraction).toBeNaN();
  });

  it('refuses lengths and finish reasons that do not line up', () => {
    expect(() => summarizeResponseLengths({ lengths: [1, 2], finishReasons: ['eos'] })).toThrow(/2 lengths but 1 finish reasons/);
  });
});

describe('meanByTemplate', () => {
  it('averages per template id, keys in first-seen order', () => {
    const means = meanByTemplate([
      { templateId: 'open-r1', value: 1 },
      { templateId: 'qwen-math', value: 0 },
      { templateId: 'open-r1', value: 0 },
      { templateId: 'open-r1', value: 1 },
      { templateId: 'qwen-math', value: 0.5 },
    ]);
    // open-r1: (1 + 0 + 1) / 3 = 0.6666…; qwen-math: (0 + 0.5) / 2 = 0.25
    expect(Object.keys(means)).toEqual(['open-r1', 'qwen-math']);
    expect(means['open-r1']).toBeCloseTo(2 / 3, 15);
    expect(means['qwen-math']).toBe(0.25);
    expect(meanByTemplate([])).toEqual({});
  });
});

describe('tokensPerSecond and mean', () => {
  it('divides counts by seconds; NaN when no time was measured', () => {
    expect(tokensPerSecond(4096, 2.5)).toBe(1638.4);
    expect(tokensPerSecond(0, 3)).toBe(0);
    expect(tokensPerSecond(100, 0)).toBeNaN();
  });

  it('mean of a list, NaN for none', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
  });
});

describe('flattenScalars', () => {
  it('joins nested keys with / and skips NaN, ±Infinity and null', () => {
    const flat = flattenScalars({ a: 1, b: { c: 2, d: { e: 3 }, f: Number.NaN }, g: null, h: Number.NEGATIVE_INFINITY });
    expect([...flat]).toEqual([
      ['a', 1],
      ['b/c', 2],
      ['b/d/e', 3],
    ]);
  });
});
