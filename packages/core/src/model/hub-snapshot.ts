/**
 * Download the files a model needs (config, tokenizer, safetensors) from the Hugging Face Hub
 * into one folder per repo and revision. Each file is streamed to a temp file, checked against
 * the hash the Hub lists, then renamed into place; files already present with the same size
 * and hash are skipped, so an interrupted download resumes file by file.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFile, listFiles, type ListFileEntry } from '@huggingface/hub';
import { atomicWriteJson } from '../util/atomic-write.js';
import { writeFileAtomicallyInPieces } from './atomic-file-stream.js';
import { hashFile, startHubHash, type HubHashKind } from './file-hashes.js';

export interface HubSnapshotOptions {
  repo: string;
  revision: string;
  target: string;
  hubUrl?: string;
  accessToken?: string;
  /** Bytes done / total over all files still to fetch. */
  onBytes?: (done: number, total: number, file: string) => void;
}

/** Written last; its presence means the folder holds a complete snapshot (usable offline). */
export const SNAPSHOT_MARKER = '.prompt-aug-snapshot.json';

const MODEL_FILES = new Set([
  'config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json',
  'special_tokens_map.json', 'chat_template.jinja', 'vocab.json', 'merges.txt', 'model.safetensors.index.json',
]);

export function isModelFile(path: string): boolean {
  return !path.includes('/') && (MODEL_FILES.has(path) || path.endsWith('.safetensors'));
}

export async function listModelFiles(options: HubSnapshotOptions): Promise<ListFileEntry[]> {
  const files: ListFileEntry[] = [];
  const params = { repo: { type: 'model' as const, name: options.repo }, revision: options.revision, hubUrl: options.hubUrl, accessToken: options.accessToken };
  for await (const entry of listFiles(params)) if (entry.type === 'file' && isModelFile(entry.path)) files.push(entry);
  return files;
}

export async function downloadSnapshot(options: HubSnapshotOptions, files: ListFileEntry[]): Promise<void> {
  const pending: ListFileEntry[] = [];
  for (const file of files) if (!(await alreadyPresent(join(options.target, file.path), file))) pending.push(file);
  const total = pending.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  for (const file of pending) {
    await downloadOne(options, file, (bytes) => {
      done += bytes;
      options.onBytes?.(done, total, file.path);
    });
  }
  await removeUnlistedModelFiles(options.target, new Set(files.map((f) => f.path)));
  await atomicWriteJson(join(options.target, SNAPSHOT_MARKER), {
    repo: options.repo,
    revision: options.revision,
    files: Object.fromEntries(files.map((f) => [f.path, expectedHash(f).hash])),
  });
}

/** A repo that was re-sharded upstream must not leave an old index or shards that loaders would pick up. */
async function removeUnlistedModelFiles(target: string, listed: Set<string>): Promise<void> {
  for (const name of await readdir(target)) if (isModelFile(name) && !listed.has(name)) await rm(join(target, name), { force: true });
}

function expectedHash(file: ListFileEntry): { kind: HubHashKind; hash: string | undefined } {
  return file.lfs ? { kind: 'sha256', hash: file.lfs.oid } : { kind: 'git-sha1', hash: file.oid };
}

async function alreadyPresent(path: string, file: ListFileEntry): Promise<boolean> {
  const size = await stat(path).then((s) => s.size, () => -1);
  if (size !== file.size) return false;
  const { kind, hash } = expectedHash(file);
  return hash === undefined || (await hashFile(path, kind, size)) === hash;
}

async function downloadOne(options: HubSnapshotOptions, file: ListFileEntry, onChunk: (bytes: number) => void): Promise<void> {
  const blob = await downloadFile({
    repo: { type: 'model', name: options.repo },
    path: file.path,
    revision: options.revision,
    hubUrl: options.hubUrl,
    accessToken: options.accessToken,
  });
  if (!blob) throw new Error(`${options.repo}: ${file.path} was listed but could not be downloaded`);
  const { kind, hash: expected } = expectedHash(file);
  const hash = startHubHash(kind, file.size);
  await writeFileAtomicallyInPieces(join(options.target, file.path), async (write) => {
    const reader = blob.stream().getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      hash.update(chunk.value);
      await write(chunk.value);
      onChunk(chunk.value.length);
    }
    const actual = hash.digest('hex');
    // Throwing here removes the temp file, so a corrupt download never lands under the real name.
    if (expected !== undefined && actual !== expected) {
      throw new Error(`${options.repo}: ${file.path} downloaded with hash ${actual}, but the Hub lists ${expected}; run the command again`);
    }
  });
}
