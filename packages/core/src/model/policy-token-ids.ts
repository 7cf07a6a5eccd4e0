import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from './model-config.js';
import type { TextTokenizer } from './model-tokenizer.js';
import { loadTokenizer } from './tokenizer-load.js';

/**
 * The pad and end-of-sequence ids a policy uses, one rule for every backend: the tokenizer's when
 * the folder has one, else the config's; pad falls back to the first EOS id, then to 0.
 */
export function policyTokenIds(config: ModelConfig, tokenizer: TextTokenizer | null | undefined): { padTokenId: number; eosTokenIds: number[] } {
  const eosTokenIds = tokenizer?.eosTokenIds ?? config.eosTokenIds;
  return { padTokenId: tokenizer?.padTokenId ?? config.padTokenId ?? eosTokenIds[0] ?? 0, eosTokenIds };
}

/** The folder's tokenizer, or null when it has no tokenizer.json (a weights-only folder still loads). */
export async function loadTokenizerIfPresent(modelDir: string): Promise<TextTokenizer | null> {
  return existsSync(join(modelDir, 'tokenizer.json')) ? loadTokenizer(modelDir) : null;
}
