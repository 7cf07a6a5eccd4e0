import { UserError } from '@prompt-aug/core';
import { BENCHMARKS, findKnownDataset, resolveDataset, type DatasetWarning, type MathRecord } from '@prompt-aug/core/data';

/** One benchmark's questions as evaluated (after `limit`). */
export interface Benchmark {
  /** The canonical name (`aime24`, `amc`, `math500`, `minerva`, `olympiadbench`) or the file path given. */
  name: string;
  records: MathRecord[];
  /** Rows in the full benchmark before `limit`. */
  fullSize: number;
  file: string;
  warnings: DatasetWarning[];
}

export interface LoadBenchmarksOptions {
  /** Benchmark names or dataset file paths; default: the paper's five, in its table order. */
  names?: readonly string[];
  /** Folder with local copies (`--data-dir`); without it, known datasets are downloaded and cached. */
  dataDir?: string;
  /** Keep only the first n questions of each benchmark (`--limit`). */
  limit?: number;
}

/** The paper's five benchmark names, in table order. */
export const DEFAULT_BENCHMARKS: readonly string[] = BENCHMARKS.map((b) => b.name);

export async function loadBenchmarks(options: LoadBenchmarksOptions = {}): Promise<Benchmark[]> {
  const names = options.names && options.names.length > 0 ? options.names : DEFAULT_BENCHMARKS;
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit > 0)) {
    throw new UserError(`--limit must be a positive whole number of questions per benchmark; got ${options.limit}.`, 'PA_EVAL_BAD_LIMIT');
  }
  const seen = new Set<string>();
  const benchmarks: Benchmark[] = [];
  for (const given of names) {
    // Aliases (`aime`, `olympiad_bench`) map to one canonical name so results keys are stable.
    const name = findKnownDataset(given)?.name ?? given;
    if (seen.has(name)) continue;
    seen.add(name);
    const loaded = await resolveDataset(name, options.dataDir ? { dataDir: options.dataDir } : {});
    const records = options.limit ? loaded.records.slice(0, options.limit) : loaded.records;
    if (records.length === 0) {
      throw new UserError(`Benchmark "${given}" (${loaded.file}) has no questions; check the file or pick another benchmark.`, 'PA_EVAL_EMPTY_BENCHMARK');
    }
    benchmarks.push({ name, records, fullSize: loaded.records.length, file: loaded.file, warnings: loaded.warnings });
  }
  return benchmarks;
}
