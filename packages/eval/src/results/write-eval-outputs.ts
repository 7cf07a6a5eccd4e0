import { join } from 'node:path';
import { atomicWriteFile, atomicWriteJson } from '@prompt-aug/core';
import type { Benchmark } from '../benchmarks/load-benchmarks.js';
import { renderResultsPage } from '../report/html/results-page.js';
import type { SampleRecord } from '../samples/sample-record.js';
import type { EvalResults } from './eval-results.js';

export const RESULTS_FILE = 'results.json';
export const SAMPLES_FILE = 'samples.jsonl';
export const REPORT_FILE = 'report.html';

export interface EvalOutputFiles {
  samples: string;
  results: string;
  report: string;
}

/** results.json and report.html, each written atomically (samples.jsonl is written as samples finish). */
export async function writeEvalOutputs(outDir: string, results: EvalResults, samples: readonly SampleRecord[], benchmarks: readonly Benchmark[] = []): Promise<EvalOutputFiles> {
  const files = { samples: join(outDir, SAMPLES_FILE), results: join(outDir, RESULTS_FILE), report: join(outDir, REPORT_FILE) };
  await atomicWriteJson(files.results, results);
  await atomicWriteFile(files.report, renderResultsPage(results, samples, { records: new Map(benchmarks.map((b) => [b.name, b.records])) }));
  return files;
}
