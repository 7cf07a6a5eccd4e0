import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/model/index.js';

/** A WordLevel tokenizer.json as Hugging Face's tokenizers library saves one (whitespace pre-tokenizer). */
async function wordLevelModel(unkToken: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-word-level-'));
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [special(0, '[UNK]'), special(4, '[EOS]')],
    normalizer: null, pre_tokenizer: { type: 'Whitespace' }, post_processor: null, decoder: null,
    model: { type: 'WordLevel', vocab: { '[UNK]': 0, hello: 1, world: 2, '+': 3, '[EOS]': 4 }, ...(unkToken ? { unk_token: unkToken } : {}) },
  };
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'generation_config.json'), JSON.stringify({ eos_token_id: 4 }));
  return dir;
}

describe('WordLevel tokenizers: unknown words', () => {
  it('map to the unk_token id, as Hugging Face tokenizers does ("hello there world" -> [1, 0, 2])', async () => {
    const tokenizer = await loadTokenizer(await wordLevelModel('[UNK]'));
    expect(tokenizer.encode('hello there world', { addSpecialTokens: false })).toEqual([1, 0, 2]);
    expect(tokenizer.encode('what + world', { addSpecialTokens: false })).toEqual([0, 3, 2]);
  });

  it('without an unk_token, an unknown word is a clear error, never an undefined id', async () => {
    const tokenizer = await loadTokenizer(await wordLevelModel(undefined));
    expect(tokenizer.encode('hello world', { addSpecialTokens: false })).toEqual([1, 2]);
    expect(() => tokenizer.encode('hello there', { addSpecialTokens: false })).toThrow(/no id for "there" and no unk_token/);
  });
});
