/**
 * Download one file of a Hugging Face dataset repo into memory, with a byte progress bar, and
 * check it against the ETag the Hub reports (LFS sha256 or git blob id) before anyone can
 * write it anywhere. Honours HF_ENDPOINT (mirrors, tests) and HF_TOKEN (gated repos).
 */
import { downloadFile, fileDownloadInfo, HubApiError } from '@huggingface/hub';
import { ProgressBar } from '../util/progress.js';
import { UserError } from '../util/user-error.js';
import type { HubFileRef } from './dataset-cache.js';
import { expectedDigestFromEtag, StreamingDigests } from './file-integrity.js';

export interface HubDownloadContext {
  /** The dataset name the user gave, for messages. */
  datasetName: string;
  /** Where the file would be cached, for the offline message. */
  cachePath: string;
  env?: NodeJS.ProcessEnv;
  progress?: boolean;
  /** Where the bar is drawn (default stderr). */
  progressStream?: NodeJS.WriteStream;
}

export interface DownloadedHubFile {
  bytes: Uint8Array;
  hubUrl: string;
  etag: string;
  size: number;
  sha256: string;
  verifiedWith: 'sha256' | 'git-sha1' | 'size';
}

export const DEFAULT_HUB_URL = 'https://huggingface.co';

export async function downloadHubFile(ref: HubFileRef, context: HubDownloadContext): Promise<DownloadedHubFile> {
  const env = context.env ?? process.env;
  const hubUrl = (env.HF_ENDPOINT || DEFAULT_HUB_URL).replace(/\/+$/, '');
  const accessToken = hubToken(env);
  const params = { repo: { type: 'dataset' as const, name: ref.repo }, path: ref.path, revision: ref.revision, hubUrl, ...(accessToken ? { accessToken } : {}) };
  try {
    const info = await fileDownloadInfo(params);
    if (!info) throw notFound(ref, context, hubUrl);
    const blob = await downloadFile({ ...params, downloadInfo: info });
    if (!blob) throw notFound(ref, context, hubUrl);
    const bar = new ProgressBar({
      label: `download ${context.datasetName}`, total: info.size, unit: 'B', enabled: context.progress ?? true,
      ...(context.progressStream ? { stream: context.progressStream } : {}),
    });
    const digests = new StreamingDigests(info.size);
    const chunks: Uint8Array[] = [];
    let received = 0;
    for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      digests.update(chunk);
      received += chunk.byteLength;
      bar.update(received);
    }
    bar.finish();
    const bytes = Buffer.concat(chunks);
    const { sha256, gitSha1 } = digests.digest();
    const verifiedWith = checkIntegrity(ref, context, info.etag, info.size, bytes.byteLength, { sha256, gitSha1 });
    return { bytes, hubUrl, etag: info.etag, size: bytes.byteLength, sha256, verifiedWith };
  } catch (error) {
    throw asUserError(error, ref, context, hubUrl);
  }
}

function checkIntegrity(
  ref: HubFileRef, context: HubDownloadContext, etag: string, expectedSize: number, size: number,
  actual: { sha256: string; gitSha1: string },
): DownloadedHubFile['verifiedWith'] {
  const expected = expectedDigestFromEtag(etag);
  const got = expected?.algorithm === 'git-sha1' ? actual.gitSha1 : actual.sha256;
  if (expected ? got === expected.hex : size === expectedSize) return expected?.algorithm ?? 'size';
  throw new UserError(
    `The download of dataset "${context.datasetName}" (${ref.repo}, file ${ref.path}) is corrupt: the Hub reports ` +
      (expected ? `${expected.algorithm} ${expected.hex}, the bytes received hash to ${got}` : `${expectedSize} bytes, ${size} arrived`) +
      '. Nothing was written to the cache; run the command again, and if it keeps failing check HF_ENDPOINT or use --data-dir with local files.',
    'PA_DATASET_INTEGRITY',
  );
}

function hubToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.HF_TOKEN || env.HUGGING_FACE_HUB_TOKEN || undefined;
  if (token && !token.startsWith('hf_')) {
    throw new UserError('HF_TOKEN is set but does not look like a Hugging Face access token (they start with "hf_"). Set it to a token from https://huggingface.co/settings/tokens, or unset it for public datasets.', 'PA_HF_TOKEN');
  }
  return token;
}

function notFound(ref: HubFileRef, context: HubDownloadContext, hubUrl: string): UserError {
  return new UserError(
    `Dataset "${context.datasetName}" points at ${ref.repo} (file ${ref.path}, revision ${ref.revision}) on ${hubUrl}, but the Hub has no such file. ` +
      'The built-in registry (packages/core/src/data/dataset-registry.ts) may be out of date: fix the entry there, or pass a local file path or --data-dir instead.',
    'PA_DATASET_NOT_FOUND',
  );
}

function asUserError(error: unknown, ref: HubFileRef, context: HubDownloadContext, hubUrl: string): Error {
  if (error instanceof UserError) return error;
  if (error instanceof HubApiError && (error.statusCode === 401 || error.statusCode === 403)) {
    return new UserError(
      `Dataset "${context.datasetName}" (${ref.repo} on ${hubUrl}) needs authorisation (HTTP ${error.statusCode}). Accept the dataset's terms on its Hub page and set HF_TOKEN to an access token, or use --data-dir with local files.`,
      'PA_DATASET_AUTH', { cause: error },
    );
  }
  const reason = describeNetworkError(error);
  return new UserError(
    `Dataset "${context.datasetName}" is not in the cache (${context.cachePath}) and could not be downloaded from ${hubUrl} ` +
      `(Hugging Face dataset repo ${ref.repo}, file ${ref.path}): ${reason}. If this machine is offline, pass --data-dir (or set PA_DATA_DIR) with a folder ` +
      `holding local copies (e.g. ${context.datasetName}.jsonl), or give the file's path instead of the name; behind a mirror, set HF_ENDPOINT.`,
    'PA_DATASET_OFFLINE', { cause: error },
  );
}

/** fetch() hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : cause?.message ? `${error.message} (${cause.message})` : error.message;
}
