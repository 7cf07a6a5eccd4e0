/**
 * The demo tokenizer's files: the tiny tokenizer (Qwen2 pre-tokenizer, ByteLevel decoder, no
 * normalizer, ChatML specials, eos = pad = <|endoftext|>) with the merges trained on the demo's prompts.
 */
import { tinyTokenizerConfig, tinyTokenizerJson, type BpeMerges } from '../model/tiny-tokenizer.js';

export interface DemoTokenizerFiles {
  'tokenizer.json': Record<string, unknown>;
  'tokenizer_config.json': Record<string, unknown>;
}

export function demoTokenizerFiles(merges: BpeMerges): DemoTokenizerFiles {
  return { 'tokenizer.json': tinyTokenizerJson(merges), 'tokenizer_config.json': tinyTokenizerConfig(merges) };
}
