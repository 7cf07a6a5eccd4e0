import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel, type TinyModel, type TinyModelOptions } from '@prompt-aug/core/model';

/** A real tiny HF folder (config, safetensors, tokenizer) written by core, in a temp dir. */
export async function tinyFolder(options: TinyModelOptions = {}): Promise<TinyModel & { cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-tfjs-'));
  const model = await writeTinyModel(join(dir, 'model'), { hiddenSize: 32, intermediateSize: 48, initStd: 0.2, seed: 5, ...options });
  return { ...model, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-tfjs-out-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
