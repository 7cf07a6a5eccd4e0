import { UserError } from '@prompt-aug/core';
import { findKnownDataset } from '@prompt-aug/core/data';
import type { Benchmark } from '../benchmarks/load-benchmarks.js';
import { sampleKey } from '../samples/sample-record.js';
import { ProblemIndex } from './problem-index.js';
import type { ResponseLine } from './read-responses.js';
import type { MathRecord } from '@prompt-aug/core/data';

export interface MatchedResponse {
  benchmark: string;
  record: MathRecord;
  run: number;
  sample: number;
  response: string;
}

export interface MatchResult {
  matched: MatchedResponse[];
  warnings: string[];
  /** k: the largest number of samples any question has in one run. */
  samplesPerQuestion: number;
  runs: number;
}

/** The benchmark names a responses file mentions, canonical (`aime` → `aime24`), in first-seen order. */
export function benchmarksInResponses(lines: readonly ResponseLine[]): string[] {
  return [...new Set(lines.map((l) => findKnownDataset(l.benchmark)?.name ?? l.benchmark))];
}

/**
 * Attach each response to its benchmark row and number its samples. Lines for benchmarks not
 * selected are skipped with a warning; a line whose question cannot be found is an error
 * (wrong file or benchmark) unless `limit` cut the benchmark short, in which case it is skipped.
 */
export function matchResponses(path: string, lines: readonly ResponseLine[], benchmarks: readonly Benchmark[], limited: boolean): MatchResult {
  const indexes = new Map(benchmarks.map((b) => [b.name, new ProblemIndex(b.records)]));
  const nextSample = new Map<string, number>();
  const seen = new Set<string>();
  const matched: MatchedResponse[] = [];
  let otherBenchmark = 0;
  let outsideLimit = 0;
  for (const line of lines) {
    const benchmark = findKnownDataset(line.benchmark)?.name ?? line.benchmark;
    const index = indexes.get(benchmark);
    if (!index) {
      otherBenchmark++;
      continue;
    }
    const record = index.find(line);
    if (!record) {
      if (limited) {
        outsideLimit++;
        continue;
      }
      const what = line.id !== undefined ? `id ${JSON.stringify(line.id)}` : `problem "${line.problem!.slice(0, 60)}…"`;
      throw new UserError(
        `${path} line ${line.line}: ${what} matches no question of benchmark ${benchmark} (by id, row number, exact or whitespace-normalised problem text). ` +
          'Check the "benchmark" field and that the responses were made for the same benchmark files (see --data-dir).',
        'PA_EVAL_UNMATCHED_RESPONSE',
      );
    }
    const run = line.run ?? 0;
    const slot = `${benchmark}\u0000${record.id}\u0000${run}`;
    const sample = line.sample ?? nextSample.get(slot) ?? 0;
    nextSample.set(slot, Math.max(nextSample.get(slot) ?? 0, sample + 1));
    const key = sampleKey({ benchmark, id: record.id, run, sample });
    if (seen.has(key)) {
      throw new UserError(
        `${path} line ${line.line}: a second response for ${benchmark} ${record.id} run ${run} sample ${sample}. Give each line a distinct "sample" (or "run"), or drop the duplicate.`,
        'PA_EVAL_DUPLICATE_RESPONSE',
      );
    }
    seen.add(key);
    matched.push({ benchmark, record, run, sample, response: line.response });
  }
  const warnings: string[] = [];
  if (otherBenchmark > 0) warnings.push(`${otherBenchmark} response lines belong to benchmarks not selected and were skipped.`);
  if (outsideLimit > 0) warnings.push(`${outsideLimit} response lines are for questions beyond --limit and were skipped.`);
  for (const b of benchmarks) {
    const answered = new Set(matched.filter((m) => m.benchmark === b.name).map((m) => m.record.id));
    if (answered.size < b.records.length) {
      warnings.push(`${b.name}: ${b.records.length - answered.size} of ${b.records.length} questions have no response; accuracy is over the ${answered.size} answered.`);
    }
  }
  return {
    matched,
    warnings,
    samplesPerQuestion: Math.max(1, ...nextSample.values()),
    runs: Math.max(1, ...matched.map((m) => m.run + 1)),
  };
}
