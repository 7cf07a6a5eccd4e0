/**
 * The dataset download cache: `<cacheDir>/datasets/<repo>/<revision>/<path>` plus a small
 * `<path>.manifest.json` recording where the bytes came from and their sha256. A cached file
 * is used only with its manifest and only if its bytes still hash to the recorded sha256.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile, atomicWriteJson } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { sha256Hex } from './file-integrity.js';

export interface HubFileRef {
  repo: string;
  revision: string;
  path: string;
}

export interface CacheManifest extends HubFileRef {
  hubUrl: string;
  size: number;
  sha256: string;
  /** The ETag the Hub reported, and which digest it was checked against. */
  etag: string;
  verifiedWith: 'sha256' | 'git-sha1' | 'size';
  downloadedAt: string;
}

export function cachedDatasetPath(cacheRoot: string, ref: HubFileRef): string {
  return join(cacheRoot, 'datasets', ...ref.repo.split('/'), ref.revision, ...ref.path.split('/'));
}

export function manifestPathFor(file: string): string {
  return `${file}.manifest.json`;
}

/**
 * The cached file's bytes if it is present and intact (returned so nobody reads it twice);
 * undefined if absent (or its manifest is, i.e. an interrupted download). Corrupt bytes are
 * deleted and reported, never silently used.
 */
export async function verifiedCachedFile(file: string, datasetName: string): Promise<Uint8Array | undefined> {
  const manifest = await readManifest(manifestPathFor(file));
  if (!manifest) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const actual = sha256Hex(bytes);
  if (actual === manifest.sha256) return bytes;
  await rm(file, { force: true });
  await rm(manifestPathFor(file), { force: true });
  throw new UserError(
    `The cached copy of dataset "${datasetName}" at ${file} is corrupt (sha256 ${actual}, but its manifest records ` +
      `${manifest.sha256} as downloaded from ${manifest.repo}). It has been deleted; run the command again to download it afresh.`,
    'PA_DATASET_CACHE_CORRUPT',
  );
}

export async function writeCachedFile(file: string, bytes: Uint8Array, manifest: CacheManifest): Promise<void> {
  // Data first, manifest last: a crash in between leaves no manifest, so the file counts as absent.
  await atomicWriteFile(file, bytes);
  await atomicWriteJson(manifestPathFor(file), manifest);
}

async function readManifest(path: string): Promise<CacheManifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheManifest>;
    return typeof parsed.sha256 === 'string' ? (parsed as CacheManifest) : undefined;
  } catch {
    return undefined;
  }
}
