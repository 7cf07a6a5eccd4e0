/**
 * Where graphs built from safetensors checkpoints live: a cache folder keyed by the model
 * folder's path, its config and weight files' sizes and times, and the build options, so a
 * second load of the same checkpoint reuses the graph.
 */
import { cacheDir } from '@prompt-aug/core';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function builtGraphDir(modelDir: string, buildKey: string): Promise<string> {
  const root = await realpath(modelDir);
  const hash = createHash('sha256').update(root).update(buildKey);
  for (const file of (await readdir(root)).sort()) {
    if (file === 'config.json' || file.endsWith('.safetensors') || file.endsWith('.safetensors.index.json')) {
      const info = await stat(join(root, file));
      hash.update(`${file}:${info.size}:${info.mtimeMs}`);
    }
  }
  return join(cacheDir(), 'backend-ort', 'graphs', hash.digest('hex').slice(0, 24));
}

/** The builder writes the weight file first and the graph last, so a graph file means a complete build. */
export function builtGraphExists(dir: string, fileName = 'model.onnx'): boolean {
  return existsSync(join(dir, fileName)) && existsSync(join(dir, `${fileName}_data`));
}
