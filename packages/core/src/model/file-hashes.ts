/**
 * The two hashes the Hub reports per file: LFS files carry the sha256 of their content,
 * regular git files the git blob id, sha1("blob <size>\0" + content).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type HubHashKind = 'sha256' | 'git-sha1';

export function startHubHash(kind: HubHashKind, size: number): Hash {
  if (kind === 'sha256') return createHash('sha256');
  return createHash('sha1').update(`blob ${size}\0`);
}

export async function hashFile(path: string, kind: HubHashKind, size: number): Promise<string> {
  const hash = startHubHash(kind, size);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
