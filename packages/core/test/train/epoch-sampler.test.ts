import { describe, expect, it } from 'vitest';
import { EpochSampler } from '../../src/train/epoch-sampler.js';

describe('EpochSampler', () => {
  it('drops the last partial batch: 8,523 prompts at 128 per step give 66 steps per epoch (paper: 3,960 steps in 60 epochs)', () => {
    const sampler = new EpochSampler(8523, 128, 42);
    expect(sampler.stepsPerEpoch).toBe(66);
    expect(sampler.totalSteps(60)).toBe(3960);
  });

  it('visits every index at most once per epoch, and all but the remainder', () => {
    const sampler = new EpochSampler(10, 3, 7);
    const seen = [0, 1, 2].flatMap((s) => sampler.batch(s));
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen.every((i) => i >= 0 && i < 10)).toBe(true);
  });

  it('is a pure function of (seed, step): a fresh sampler (a resumed run) gives the same batches', () => {
    const a = new EpochSampler(100, 8, 42);
    const b = new EpochSampler(100, 8, 42);
    for (const step of [0, 5, 12, 13, 30, 12]) expect(b.batch(step)).toEqual(a.batch(step));
    expect(new EpochSampler(100, 8, 43).batch(0)).not.toEqual(a.batch(0));
  });

  it('reshuffles each epoch', () => {
    const sampler = new EpochSampler(100, 10, 1);
    expect(sampler.batch(10)).not.toEqual(sampler.batch(0));
    expect(sampler.position(23)).toEqual({ epoch: 2, batchInEpoch: 3 });
  });
});
