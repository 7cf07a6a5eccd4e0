/**
 * Turn `--model` into a local model folder: an existing folder is used as is; a Hub id
 * (`org/name`) is downloaded once into the cache (`<cacheDir>/models/<org>--<name>/<revision>`).
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ProgressBar } from '../util/progress.js';
import { cacheDir as defaultCacheDir } from '../util/paths.js';
import { UserError } from '../util/user-error.js';
import { SNAPSHOT_MARKER, downloadSnapshot, listModelFiles, type HubSnapshotOptions } from './hub-snapshot.js';

export interface ResolveModelOptions {
  /** Root of the download cache (default: cacheDir(), i.e. $PA_CACHE_DIR or ~/.cache/prompt-aug). */
  cacheDir?: string;
  /** Branch, tag or commit (default "main"). */
  revision?: string;
  /** Called as bytes arrive; when absent a progress bar is drawn on stderr. */
  onProgress?: (progress: { file: string; bytes: number; totalBytes: number }) => void;
  /** How the value is named in messages (default `--model`); e.g. "the checkpoint argument" for `pa serve <checkpoint>`. */
  argumentName?: string;
  /** Hub URL (default $HF_ENDPOINT or https://huggingface.co) and token (default $HF_TOKEN). */
  hubUrl?: string;
  accessToken?: string;
}

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

export async function resolveModel(idOrDir: string, options: ResolveModelOptions = {}): Promise<string> {
  const argument = options.argumentName ?? '--model';
  if (existsSync(idOrDir) && (await stat(idOrDir)).isDirectory()) return checkedFolder(resolve(idOrDir), argument);
  if (!HUB_ID.test(idOrDir) || idOrDir.includes('..')) {
    const named = argument.startsWith('-') ? argument : argument[0]!.toUpperCase() + argument.slice(1);
    throw new UserError(`${named} "${idOrDir}" is neither an existing folder nor a Hugging Face Hub id like "Qwen/Qwen2.5-Math-1.5B"; check the path or the id.`, 'PA_BAD_MODEL');
  }
  const revision = options.revision ?? 'main';
  const [org, name] = idOrDir.split('/') as [string, string];
  const target = join(options.cacheDir ?? defaultCacheDir(), 'models', `${org}--${name}`, revision);
  const snapshot: HubSnapshotOptions = {
    repo: idOrDir,
    revision,
    target,
    hubUrl: options.hubUrl ?? (process.env.HF_ENDPOINT || undefined),
    accessToken: options.accessToken ?? (process.env.HF_TOKEN || undefined),
  };
  const complete = existsSync(join(target, SNAPSHOT_MARKER));
  if (process.env.HF_HUB_OFFLINE === '1' || process.env.HF_HUB_OFFLINE === 'true') {
    if (complete) return target;
    throw new UserError(`HF_HUB_OFFLINE is set and ${idOrDir} (revision ${revision}) has not been downloaded to ${target}. Unset HF_HUB_OFFLINE to download it, or pass a local model folder with --model.`, 'PA_HUB_OFFLINE');
  }
  let files;
  try {
    files = await listModelFiles(snapshot);
  } catch (error) {
    // Offline with a complete earlier download: use it rather than fail.
    if (complete && !isHubRefusal(error)) return target;
    throw hubError(idOrDir, revision, snapshot.hubUrl, error);
  }
  if (!files.some((f) => f.path.endsWith('.safetensors'))) {
    throw new UserError(`The Hub repo ${idOrDir} (revision ${revision}) has no .safetensors weights; prompt-aug cannot read PyTorch .bin files. Convert the model to safetensors and pass the local folder with --model.`, 'PA_NO_WEIGHTS');
  }
  const bar = options.onProgress ? null : new ProgressBar({ label: `download ${idOrDir}`, unit: 'MB' });
  await downloadSnapshot({
    ...snapshot,
    onBytes: (done, total, file) => {
      options.onProgress?.({ file, bytes: done, totalBytes: total });
      bar?.setTotal(Math.round(total / 1e5) / 10);
      bar?.update(Math.round(done / 1e5) / 10, { file });
    },
  }, files);
  bar?.finish();
  return checkedFolder(target, argument);
}

async function checkedFolder(dir: string, argument: string): Promise<string> {
  const names = await readdir(dir);
  if (!names.includes('config.json')) {
    throw new UserError(`The model folder ${dir} has no config.json (found: ${names.join(', ') || 'nothing'}). Point ${argument} at a Hugging Face model folder: config.json, safetensors weights and tokenizer files.`, 'PA_NO_CONFIG');
  }
  return dir;
}

function isHubRefusal(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function hubError(id: string, revision: string, hubUrl: string | undefined, error: unknown): UserError {
  const where = hubUrl ?? 'https://huggingface.co';
  // fetch() reports network failures as "fetch failed" with the real reason (ECONNREFUSED, ENOTFOUND, ...) in its cause.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
  if (isHubRefusal(error)) {
    return new UserError(`The Hugging Face Hub (${where}) refused ${id} at revision ${revision} (${detail}). Check the id and revision; for a gated or private model set HF_TOKEN to a token that has access.`, 'PA_HUB_REFUSED', { cause: error });
  }
  return new UserError(`Cannot reach the Hugging Face Hub (${where}) to download ${id} (${detail}). If this machine is offline, download the model elsewhere and pass its local folder with --model, or set HF_ENDPOINT to a reachable mirror.`, 'PA_HUB_OFFLINE', { cause: error });
}
