import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTokenizer, writeTinyModel, type ModelTokenizer } from '@prompt-aug/core/model';
import { loadEvalPlugins, type EvalPlugins } from '../../src/index.js';

/** The eval package folder: plugins are found among its (dev) dependencies, by name, as the CLI finds them. */
export const PACKAGE_DIR = new URL('../..', import.meta.url).pathname;

export function tempDir(prefix = 'pa-eval-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let plugins: Promise<EvalPlugins> | undefined;
/** The real verifier-math and templates-qwen-math plugins, loaded through core's loader. */
export function realPlugins(): Promise<EvalPlugins> {
  plugins ??= loadEvalPlugins({ resolve: { cwd: PACKAGE_DIR } });
  return plugins;
}

let tokenizer: Promise<ModelTokenizer> | undefined;
/** The real tokenizer of a tiny model folder written by core (byte-level BPE, ChatML specials). */
export function tinyTokenizer(): Promise<ModelTokenizer> {
  tokenizer ??= (async () => {
    const dir = tempDir('pa-eval-model-');
    await writeTinyModel(dir);
    return loadTokenizer(dir);
  })();
  return tokenizer;
}
