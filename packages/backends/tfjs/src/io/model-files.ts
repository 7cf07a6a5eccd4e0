/**
 * Reading and writing Hugging Face model folders through core's model I/O; this backend only
 * converts between core's NamedTensors and its tf variables.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { atomicWriteJson } from '@prompt-aug/core';
import { loadTokenizerIfPresent, modelConfigToJson, readModelConfig, readModelWeights, writeModelWeights, type ModelConfig, type NamedTensor, type TextTokenizer } from '@prompt-aug/core/model';

/** Files besides config and weights that make a folder loadable (copied verbatim on save). */
const SIDE_FILES = ['generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'chat_template.jinja', 'vocab.json', 'merges.txt'];

export interface ModelFolder {
  dir: string;
  config: ModelConfig;
  weights: Map<string, NamedTensor>;
  tokenizer?: TextTokenizer;
}

/**
 * A local model folder (the caller, e.g. the trainer or pa eval, resolved any hub id once already);
 * UserErrors from core name the problem.
 */
export async function readModelFolder(dir: string): Promise<ModelFolder> {
  const config = await readModelConfig(dir);
  const weights = await readModelWeights(dir);
  const tokenizer = (await loadTokenizerIfPresent(dir)) ?? undefined;
  return { dir, config, weights, tokenizer };
}

export async function writeModelFolder(dir: string, config: ModelConfig, weights: Map<string, NamedTensor>, sourceDir?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeModelWeights(dir, weights, { dtype: 'F32' });
  await atomicWriteJson(join(dir, 'config.json'), { ...modelConfigToJson(config), torch_dtype: 'float32' });
  if (sourceDir && resolve(sourceDir) !== resolve(dir)) {
    for (const file of SIDE_FILES) {
      if (existsSync(join(sourceDir, file))) await copyFile(join(sourceDir, file), join(dir, file));
    }
  }
}
