/**
 * Write a large file in pieces without ever holding it whole in memory, yet atomically:
 * pieces go to a temp file next to the target, which is fsynced and renamed at the end.
 * (util/atomicWriteFile needs the whole content up front, fine for JSON, not for weights.)
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomicallyInPieces(
  path: string,
  writePieces: (write: (bytes: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await writePieces(async (bytes) => {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, done, Math.min(1 << 30, bytes.length - done));
        done += bytesWritten;
      }
    });
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}
