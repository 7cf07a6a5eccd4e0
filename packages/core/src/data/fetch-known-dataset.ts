/**
 * A known dataset's Hub file on local disk: from the cache when present and intact, else
 * downloaded once, checked, and cached atomically with its manifest.
 */
import { cacheDir as defaultCacheDir } from '../util/paths.js';
import { cachedDatasetPath, verifiedCachedFile, writeCachedFile } from './dataset-cache.js';
import type { KnownDataset } from './dataset-registry.js';
import { downloadHubFile } from './hub-download.js';

export interface FetchDatasetOptions {
  /** Cache root; default `cacheDir()` (XDG, or PA_CACHE_DIR). */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Show the byte progress bar on stderr (default true). */
  progress?: boolean;
  /** Where the bar is drawn (default stderr). */
  progressStream?: NodeJS.WriteStream;
}

export async function fetchKnownDataset(
  dataset: KnownDataset,
  options: FetchDatasetOptions = {},
): Promise<{ file: string; bytes: Uint8Array; origin: 'cache' | 'download' }> {
  const env = options.env ?? process.env;
  const ref = { repo: dataset.repo, revision: dataset.revision, path: dataset.path };
  const file = cachedDatasetPath(options.cacheDir ?? defaultCacheDir(env), ref);
  const cached = await verifiedCachedFile(file, dataset.name);
  if (cached) return { file, bytes: cached, origin: 'cache' };
  const context = {
    datasetName: dataset.name, cachePath: file, env,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
    ...(options.progressStream ? { progressStream: options.progressStream } : {}),
  };
  const download = await downloadHubFile(ref, context);
  await writeCachedFile(file, download.bytes, {
    ...ref,
    hubUrl: download.hubUrl,
    size: download.size,
    sha256: download.sha256,
    etag: download.etag,
    verifiedWith: download.verifiedWith,
    downloadedAt: new Date().toISOString(),
  });
  return { file, bytes: download.bytes, origin: 'download' };
}
