/**
 * `--data <file|name>`: a path is read as is; a known name is read from `--data-dir` when
 * given (never downloaded then: the user asked for local copies), else from $PA_DATA_DIR when
 * it holds a copy, else from the download cache, else downloaded once from the Hugging Face Hub.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closestMatch } from '../config/closest-match.js';
import { datasetDir } from '../util/paths.js';
import { UserError } from '../util/user-error.js';
import { findKnownDataset, KNOWN_DATASETS, type KnownDataset } from './dataset-registry.js';
import { fetchKnownDataset, type FetchDatasetOptions } from './fetch-known-dataset.js';
import type { DatasetWarning, LoadedDataset, ReadDatasetOptions } from './math-record.js';
import { datasetFormatOf, parseDatasetBytes, readDatasetFile } from './read-dataset-file.js';

export interface ResolveDatasetOptions extends ReadDatasetOptions, FetchDatasetOptions {
  /** Folder with local copies of the known datasets (`--data-dir`). */
  dataDir?: string;
}

export interface ResolvedDataset extends LoadedDataset {
  /** The known dataset's name, when a name (not a path) was given. */
  name?: string;
  origin: 'path' | 'data-dir' | 'cache' | 'download';
}

export async function resolveDataset(nameOrPath: string, options: ResolveDatasetOptions = {}): Promise<ResolvedDataset> {
  const known = findKnownDataset(nameOrPath);
  // A readable file wins over a name (`./amc.jsonl`); a bare word that is neither is a typo'd name.
  const isFile = existsSync(nameOrPath) && datasetFormatOf(nameOrPath) !== undefined;
  if (!known) {
    if (!isFile && !existsSync(nameOrPath) && !looksLikePath(nameOrPath)) throw unknownName(nameOrPath);
    return { ...(await readDatasetFile(nameOrPath, options)), origin: 'path' };
  }
  if (isFile) return { ...(await readDatasetFile(nameOrPath, options)), origin: 'path' };
  let loaded: LoadedDataset;
  let origin: ResolvedDataset['origin'];
  if (options.dataDir) {
    loaded = await readDatasetFile(localCopy(known, options.dataDir), options);
    origin = 'data-dir';
  } else {
    // PA_DATA_DIR (local copies, as in CI) is tried first but is not a promise: a name it lacks comes from the cache or the Hub.
    const envDir = datasetDir(options.env ?? process.env);
    const local = envDir ? localCandidates(known, envDir).find((file) => existsSync(file)) : undefined;
    if (local) {
      loaded = await readDatasetFile(local, options);
      origin = 'data-dir';
    } else {
      const fetched = await fetchKnownDataset(known, options);
      loaded = await parseDatasetBytes(fetched.file, fetched.bytes, options);
      origin = fetched.origin;
    }
  }
  return { ...loaded, warnings: [...loaded.warnings, ...sizeWarnings(known, loaded)], name: known.name, origin };
}

/** The candidate files in order: the names used in shared/data first, then common alternatives, then the Hub path. */
export function localCandidates(dataset: KnownDataset, dataDir: string): string[] {
  return [...dataset.localFiles, dataset.path].map((relative) => join(dataDir, relative));
}

function localCopy(dataset: KnownDataset, dataDir: string): string {
  const candidates = localCandidates(dataset, dataDir);
  const found = candidates.find((file) => existsSync(file));
  if (found) return found;
  const shown = candidates.slice(0, 6).map((f) => f.slice(dataDir.length).replace(/^[/\\]/, '')).join(', ');
  throw new UserError(
    `Dataset "${dataset.name}" has no local copy in --data-dir ${dataDir}: looked for ${candidates.length} file names ` +
      `(${shown}, …, and the Hub path ${dataset.path}). Put the file there under one of those names, pass the file's path ` +
      `instead of the name, or drop --data-dir to download it from ${dataset.repo}.`,
    'PA_DATASET_NOT_LOCAL',
  );
}

function looksLikePath(value: string): boolean {
  return /[/\\]/.test(value) || datasetFormatOf(value) !== undefined;
}

function unknownName(name: string): UserError {
  const names = KNOWN_DATASETS.map((d) => d.name);
  const suggestion = closestMatch(name.toLowerCase(), [...names, ...KNOWN_DATASETS.flatMap((d) => d.aliases)]);
  return new UserError(
    `"${name}" is neither an existing file nor a known dataset name${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. ` +
      `Known names: ${names.join(', ')}; or pass the path of a .jsonl, .json or .parquet file.`,
    'PA_DATASET_UNKNOWN',
  );
}

/** A row count different from the paper's is worth knowing (wrong split, changed upstream) but not fatal. */
function sizeWarnings(dataset: KnownDataset, loaded: LoadedDataset): DatasetWarning[] {
  if (loaded.records.length === dataset.expectedRows) return [];
  const reason = `${loaded.records.length} records where the paper's ${dataset.name} has ${dataset.expectedRows}`;
  return [{
    file: loaded.file,
    reason,
    message: `Dataset file ${loaded.file} gave ${reason}. Results will not be comparable with the paper's; check that the file is the right split.`,
  }];
}
