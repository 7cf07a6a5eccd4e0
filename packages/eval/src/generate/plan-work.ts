import type { MathRecord } from '@prompt-aug/core/data';
import type { Benchmark } from '../benchmarks/load-benchmarks.js';
import { sampleKey } from '../samples/sample-record.js';

/** One generation to make: a question, under a run and sample index. */
export interface WorkItem {
  benchmark: string;
  record: MathRecord;
  run: number;
  sample: number;
}

/**
 * Every (benchmark, question, run, sample) not in `done`, ordered run by run, sample by
 * sample, so an interrupted run has finished whole runs first and batches hold one
 * (run, sample) each (their seed depends only on that pair and the batch's questions).
 */
export function planWork(benchmarks: readonly Benchmark[], runs: number, samples: number, done: ReadonlySet<string>): WorkItem[] {
  const items: WorkItem[] = [];
  for (let run = 0; run < runs; run++) {
    for (let sample = 0; sample < samples; sample++) {
      for (const b of benchmarks) {
        for (const record of b.records) {
          const item = { benchmark: b.name, record, run, sample };
          if (!done.has(sampleKey({ benchmark: b.name, id: record.id, run, sample }))) items.push(item);
        }
      }
    }
  }
  return items;
}

/** Consecutive items of the same (run, sample), at most `size` per batch. */
export function batchWork(items: readonly WorkItem[], size: number): WorkItem[][] {
  const batches: WorkItem[][] = [];
  let current: WorkItem[] = [];
  for (const item of items) {
    const head = current[0];
    if (current.length >= size || (head && (head.run !== item.run || head.sample !== item.sample))) {
      batches.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The seed of a batch: a mix of the base seed, run and sample (FNV-1a style), so k samples of a
 * run differ and a resumed run reuses the seeds of the original.
 */
export function batchSeed(seed: number, run: number, sample: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const v of [run, sample]) {
    h = Math.imul(h ^ (v >>> 0), 0x01000193) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
  }
  return h;
}
