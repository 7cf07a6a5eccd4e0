import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom, isUserError } from '../../src/index.js';
import { loadTokenizer, writeTinyModel, type ModelTokenizer } from '../../src/model/index.js';

let dir: string;
let tokenizer: ModelTokenizer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-tok-'));
  await writeTinyModel(dir);
  tokenizer = await loadTokenizer(dir);
});

describe('the tiny byte-level BPE tokenizer', () => {
  it('gives the GPT-2 byte ids (printables first, then the remapped bytes)', () => {
    // '!' (0x21) is id 0, 'a' (0x61) is 0x61 - 0x21 = 64; ' ' (0x20) is the 33rd unprintable byte: 188 + 32 = 220, '\n' 188 + 10 = 198.
    expect(tokenizer.encode('!')).toEqual([0]);
    expect(tokenizer.encode('a')).toEqual([64]);
    expect(tokenizer.encode(' ')).toEqual([220]);
    expect(tokenizer.encode('\n')).toEqual([198]);
    expect(tokenizer.idToToken(220)).toBe('Ġ');
  });

  it('applies the merges and splits digits one by one, like Qwen2', () => {
    expect(tokenizer.encode(' the').map((id) => tokenizer.idToToken(id))).toEqual(['Ġthe']);
    expect(tokenizer.encode('\\frac{1}{2}').map((id) => tokenizer.idToToken(id))).toEqual(['\\frac', '{', '1', '}', '{', '2', '}']); // '}{' is one pre-token but has no merge
    expect(tokenizer.encode('x = 12').map((id) => tokenizer.idToToken(id))).toEqual(['x', 'Ġ=', 'Ġ', '1', '2']);
  });

  it('round-trips arbitrary text: unicode, emoji, combining marks, control characters, CRLF', () => {
    const texts = [
      'The answer is \\boxed{\\frac{\\sqrt{3}}{2}}.',
      'héllo wörld — ∑ᵢ xᵢ² ≤ ∞; 数学 🧮👩‍👩‍👧',
      'e\u0301 (decomposed é) and \u00e9 (composed)',
      '\ttabs\r\nand  double  spaces   \n\n\nend ',
      '\u0000\u0007 control \uFFFD',
    ];
    for (const text of texts) expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it('round-trips 300 random strings of code points from every plane (seeded), special tokens mixed in', () => {
    const random = new SeededRandom(11);
    const ranges: [number, number][] = [[0, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
    const specials = ['<|im_start|>', '<|im_end|>', '<|endoftext|>'];
    const failures: string[] = [];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = 1 + random.int(40);
      for (let i = 0; i < length; i++) {
        if (random.next() < 0.05) text += specials[random.int(3)];
        const [lo, hi] = ranges[random.int(ranges.length)]!;
        text += String.fromCodePoint(lo + random.int(hi - lo + 1)); // no lone surrogates: they have no UTF-8 form
      }
      if (tokenizer.decode(tokenizer.encode(text)) !== text) failures.push(JSON.stringify(text));
    }
    expect(failures).toEqual([]);
  });

  it('keeps ChatML special tokens whole, and can skip them when decoding', () => {
    const text = '<|im_start|>user\n1+1?<|im_end|>\n<|im_start|>assistant\n2<|im_end|><|endoftext|>';
    const ids = tokenizer.encode(text);
    const imStart = tokenizer.tokenToId('<|im_start|>')!;
    const imEnd = tokenizer.tokenToId('<|im_end|>')!;
    expect(ids.filter((id) => id === imStart)).toHaveLength(2);
    expect(ids.filter((id) => id === imEnd)).toHaveLength(2);
    expect(ids.at(-1)).toBe(tokenizer.tokenToId('<|endoftext|>'));
    expect(tokenizer.decode(ids)).toBe(text);
    expect(tokenizer.decode(ids, { skipSpecialTokens: true })).toBe('user\n1+1?\nassistant\n2');
    expect(tokenizer.vocabSize).toBe(imEnd + 1);
  });

  it('renders the ChatML chat template', () => {
    const prompt = tokenizer.applyChatTemplate([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is 2+2?' }], { addGenerationPrompt: true });
    expect(prompt).toBe('<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n');
    expect(tokenizer.applyChatTemplate([{ role: 'user', content: 'hi' }])).toBe('<|im_start|>user\nhi<|im_end|>\n');
    expect(tokenizer.applyChatTemplate([{ role: 'user', content: 'hi' }], { template: '{{ eos_token }}|{{ messages[0].content | upper }}' })).toBe('<|endoftext|>|HI');
  });
});

describe('loadTokenizer on other folder layouts', () => {
  const copyTiny = async () => {
    const other = await mkdtemp(join(tmpdir(), 'pa-tok-variant-'));
    await writeTinyModel(other);
    return other;
  };
  const editJson = async (path: string, edit: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(await readFile(path, 'utf8'));
    edit(json);
    await writeFile(path, JSON.stringify(json));
  };

  it('takes named chat templates from a list, and chat_template.jinja over tokenizer_config', async () => {
    const other = await copyTiny();
    await editJson(join(other, 'tokenizer_config.json'), (c) => {
      c.chat_template = [{ name: 'default', template: 'D{{ messages|length }}' }, { name: 'tool_use', template: 'T' }];
    });
    const listed = await loadTokenizer(other);
    expect(listed.applyChatTemplate([{ role: 'user', content: 'x' }])).toBe('D1');
    expect(listed.applyChatTemplate([], { template: 'tool_use' })).toBe('T');
    await writeFile(join(other, 'chat_template.jinja'), 'J{{ add_generation_prompt }}');
    expect((await loadTokenizer(other)).applyChatTemplate([], { addGenerationPrompt: true })).toBe('Jtrue');
  });

  it('finds eos in tokenizer_config when there is no generation_config, and pad falls back to eos', async () => {
    const other = await copyTiny();
    await rm(join(other, 'generation_config.json'));
    await editJson(join(other, 'config.json'), (c) => delete c.eos_token_id);
    await editJson(join(other, 'tokenizer_config.json'), (c) => {
      c.eos_token = { content: '<|im_end|>', special: true };
      delete c.pad_token;
    });
    const loaded = await loadTokenizer(other);
    expect(loaded.eosTokenIds).toEqual([loaded.tokenToId('<|im_end|>')]);
    expect(loaded.padTokenId).toBe(loaded.tokenToId('<|im_end|>'));
  });

  it('a folder without tokenizer.json is a UserError listing what it found', async () => {
    const other = await copyTiny();
    await rm(join(other, 'tokenizer.json'));
    const error = await loadTokenizer(other).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(other);
    expect((error as Error).message).toMatch(/found: config\.json, generation_config\.json, model\.safetensors, tokenizer_config\.json/);
  });
});
