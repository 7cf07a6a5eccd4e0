/** Tiny real checkpoints for tests, written with core's writeTinyModel into temp folders. */
import { writeTinyModel, type TinyModel, type TinyModelOptions } from '@prompt-aug/core/model';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
// Registered while a test file imports this module, so it runs after that file's tests.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'pa-ort-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

// Built graphs go to the cache folder; keep each test file's cache private.
process.env.PA_CACHE_DIR = tempDir('pa-ort-cache-');

/** initStd 0.2 (not HF's 0.02) so logits differ visibly between tokens and positions. */
export async function tinyModel(options: TinyModelOptions = {}): Promise<TinyModel> {
  return writeTinyModel(tempDir('pa-ort-model-'), { hiddenSize: 32, numAttentionHeads: 4, numKeyValueHeads: 2, initStd: 0.2, ...options });
}

/** The configurations every numeric test covers. */
export const VARIANTS: { name: string; options: TinyModelOptions }[] = [
  { name: 'qwen2 GQA untied', options: { architecture: 'qwen2', numKeyValueHeads: 2, tieWordEmbeddings: false } },
  { name: 'qwen2 GQA tied', options: { architecture: 'qwen2', numKeyValueHeads: 2, tieWordEmbeddings: true } },
  { name: 'llama MHA untied', options: { architecture: 'llama', numKeyValueHeads: 4, tieWordEmbeddings: false } },
  { name: 'llama GQA tied with biases', options: { architecture: 'llama', numKeyValueHeads: 1, tieWordEmbeddings: true, attentionBias: true } },
];
