/**
 * config.json's dimensions checked against the safetensors headers (names and shapes only, no
 * tensor data) before anything is sized from them: a `num_hidden_layers: 1000000000` beside
 * weights for 2 layers must be a clear error, not a loop that allocates until memory runs out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../util/user-error.js';
import type { ModelConfig } from './model-config.js';
import { SINGLE_WEIGHTS_FILE, WEIGHTS_INDEX_FILE } from './model-weights.js';
import { openModelWeights } from './model-weights-reader.js';
import { modelWeightShapes } from './weight-names.js';

const LAYER_NAME = /^model\.layers\.(\d+)\./;

/** Throws a UserError naming the field when config.json disagrees with the weights; a folder without weights is left to the loaders. */
export async function checkConfigAgainstWeights(config: ModelConfig, dir: string, source = join(dir, 'config.json')): Promise<void> {
  if (!existsSync(join(dir, SINGLE_WEIGHTS_FILE)) && !existsSync(join(dir, WEIGHTS_INDEX_FILE))) return;
  const weights = await openModelWeights(dir);
  try {
    const layers = new Set<number>();
    for (const name of weights.names) {
      const match = LAYER_NAME.exec(name);
      if (match) layers.add(Number(match[1]));
    }
    const stored = layers.size === 0 ? 0 : Math.max(...layers) + 1;
    if (config.numHiddenLayers !== stored) {
      throw mismatch(source, dir, `"num_hidden_layers" is ${config.numHiddenLayers} but the weights hold ${stored} layer${stored === 1 ? '' : 's'} (model.layers.0 to model.layers.${stored - 1})`);
    }
    // Layers are bounded by the files now, so the expected-shape table is small.
    const problems: string[] = [];
    for (const [name, shape] of modelWeightShapes(config)) {
      const entry = weights.entry(name);
      if (!entry) problems.push(`missing ${name}`);
      else if (entry.shape.join('x') !== shape.join('x')) problems.push(`${name} is [${entry.shape.join(', ')}] but config.json implies [${shape.join(', ')}]`);
      if (problems.length > 5) break;
    }
    if (problems.length > 0) throw mismatch(source, dir, problems.slice(0, 5).join('; '));
  } finally {
    await weights.close();
  }
}

function mismatch(source: string, dir: string, detail: string): UserError {
  return new UserError(
    `${source} does not match the weights in ${dir}: ${detail}. Fix the dimensions in config.json (hidden_size, intermediate_size, ` +
      `num_hidden_layers, num_attention_heads, num_key_value_heads, head_dim, vocab_size) or download the model again.`,
    'PA_CONFIG_WEIGHTS_MISMATCH',
  );
}
