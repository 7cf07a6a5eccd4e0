import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One file of a model folder that changes what the model generates, with its content hash. */
export interface ModelFileFingerprint {
  name: string;
  size: number;
  sha256: string;
  /** stat fields that change whenever the file is written or replaced; they let a resume skip re-hashing. */
  stat: { mtimeMs: number; ctimeMs: number; ino: number };
}

/** Weights, model config and tokenizer files: everything a backend or tokenizer reads from the folder. */
const MODEL_FILE = /^(.*\.safetensors|.*\.safetensors\.index\.json|.*\.bin|.*\.bin\.index\.json|.*\.onnx|.*\.onnx_data|.*\.onnx\.data|config\.json|generation_config\.json|tokenizer\.json|tokenizer_config\.json|tokenizer\.model|vocab\.json|vocab\.txt|merges\.txt|special_tokens_map\.json|added_tokens\.json|chat_template\.jinja|chat_template\.json)$/;

/**
 * sha256 of every model file, streamed in 4 MiB chunks (memory stays flat for multi-GB shards).
 * A full hash, not a sample of the file: a fine-tune that changed only middle layers keeps the
 * size, the safetensors header and the first and last MiB, and sampling would miss exactly that.
 * It costs one read of the weights per eval start (~270 MiB/s on the 2-core CI machine, so ~12 s
 * for a 3 GB 1.5B model, against hours of generation); a file whose size, mtime, ctime and inode
 * all equal the previous record is not read again, and a rewrite or replacement always changes
 * ctime or the inode.
 */
export async function fingerprintModelFiles(dir: string, previous: readonly ModelFileFingerprint[] = []): Promise<ModelFileFingerprint[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const known = new Map(previous.map((f) => [f.name, f]));
  const names = readdirSync(dir).filter((name) => MODEL_FILE.test(name) && statSync(join(dir, name)).isFile()).sort();
  const files: ModelFileFingerprint[] = [];
  for (const name of names) {
    const s = statSync(join(dir, name));
    const stat = { mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    const old = known.get(name);
    const unchanged = old && old.size === s.size && old.stat.mtimeMs === stat.mtimeMs && old.stat.ctimeMs === stat.ctimeMs && old.stat.ino === stat.ino;
    files.push({ name, size: s.size, sha256: unchanged ? old.sha256 : await sha256File(join(dir, name)), stat });
  }
  return files;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
