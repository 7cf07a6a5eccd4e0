/**
 * What the Hub's ETag says about a file's bytes. For an LFS file the (linked) ETag is the
 * sha256 of the content (the LFS oid); for a small file kept in git it is the git blob id,
 * sha1("blob <size>\0" + content). Both are checked; anything else cannot be checked here.
 */
import { createHash } from 'node:crypto';

export type ExpectedDigest = { algorithm: 'sha256' | 'git-sha1'; hex: string } | undefined;

export function expectedDigestFromEtag(etag: string): ExpectedDigest {
  const hex = etag.replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex)) return { algorithm: 'sha256', hex };
  if (/^[0-9a-f]{40}$/.test(hex)) return { algorithm: 'git-sha1', hex };
  return undefined;
}

/** Hashes fed chunk by chunk while a download streams, so the bytes are walked once. */
export class StreamingDigests {
  private readonly sha256 = createHash('sha256');
  private readonly gitSha1 = createHash('sha1');

  constructor(expectedSize: number) {
    // A git blob id covers a header with the size; if the real size differs, the id will not match, as it should.
    this.gitSha1.update(`blob ${expectedSize}\0`);
  }

  update(chunk: Uint8Array): void {
    this.sha256.update(chunk);
    this.gitSha1.update(chunk);
  }

  digest(): { sha256: string; gitSha1: string } {
    return { sha256: this.sha256.digest('hex'), gitSha1: this.gitSha1.digest('hex') };
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
