import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/index.js';
import { arithmeticProblems } from '../../src/demo/index.js';
import { demoCorpus } from '../../src/demo/demo-corpus.js';
import { demoTokenizerFiles } from '../../src/demo/demo-tokenizer-files.js';
import { splitOnSpecialTokens, byteLevelWords } from '../../src/demo/byte-level-words.js';
import { trainByteLevelBpe, type TrainedBpe } from '../../src/demo/train-byte-level-bpe.js';
import { tinyTokenizerVocab } from '../../src/model/tiny-tokenizer.js';
import { type ModelTokenizer } from '../../src/model/index.js';
import { diverseTemplates, loadDemoTokenizer, tokensOf } from './demo-fixtures.js';

const HUG_MERGES: [string, string][] = [['u', 'g'], ['u', 'n'], ['h', 'ug'], ['p', 'un'], ['hug', 's'], ['p', 'ug'], ['b', 'un']];

describe('demoTokenizerFiles', () => {
  it('puts the 256 bytes first, one token per merge next, then the three ChatML specials', async () => {
    const tokenizer = await loadDemoTokenizer(HUG_MERGES);
    expect(tokenizer.tokenToId('ug')).toBe(256);
    expect(tokenizer.tokenToId('bun')).toBe(262);
    expect(['<|endoftext|>', '<|im_start|>', '<|im_end|>'].map((t) => tokenizer.tokenToId(t))).toEqual([263, 264, 265]);
    expect(tokenizer.vocabSize).toBe(266);
    // eos = pad = <|endoftext|>, as Qwen2 base models ship.
    expect(tokenizer.eosTokenIds).toEqual([263]);
    expect(tokenizer.padTokenId).toBe(263);
    expect(tokensOf(tokenizer, 'hugs<|im_end|>')).toEqual(['hugs', '<|im_end|>']);
  });

  it('names the specials by their ids in tokenizer_config.json and keeps the ChatML chat template', async () => {
    const config = demoTokenizerFiles(HUG_MERGES)['tokenizer_config.json'];
    expect(Object.keys(config.added_tokens_decoder as object)).toEqual(['263', '264', '265']);
    const tokenizer = await loadDemoTokenizer(HUG_MERGES);
    expect(tokenizer.applyChatTemplate([{ role: 'user', content: 'hi' }], { addGenerationPrompt: true }))
      .toBe('<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n');
  });

  it('refuses merges that would repeat a token', () => {
    expect(() => tinyTokenizerVocab([['a', 'b'], ['a', 'b']])).toThrow(/already a token/);
  });
});

describe('the demo tokenizer trained on the 13 diverse templates', () => {
  let bpe: TrainedBpe;
  let corpus: string[];
  let tokenizer: ModelTokenizer;
  beforeAll(async () => {
    corpus = demoCorpus(await diverseTemplates(), arithmeticProblems({ count: 60, seed: 3, maxOperand: 99 }));
    bpe = trainByteLevelBpe(corpus, { merges: 250 });
    tokenizer = await loadDemoTokenizer(bpe.merges);
  });

  it('encodes every training text exactly as the trainer segmented it', () => {
    const mismatches = corpus.filter((text) => {
      const trained = splitOnSpecialTokens(text).flatMap((section) =>
        section.special ? [section.text] : byteLevelWords(section.text).flatMap((word) => bpe.words.get(word)!.tokens));
      return JSON.stringify(tokensOf(tokenizer, text)) !== JSON.stringify(trained);
    });
    expect(mismatches).toEqual([]);
  });

  it('round-trips hand-picked and 300 random unicode strings (all planes, specials mixed in)', () => {
    const texts = [
      'The answer is \\boxed{\\frac{\\sqrt{3}}{2}}.',
      'héllo wörld — ∑ᵢ xᵢ² ≤ ∞; 数学 🧮👩‍👩‍👧',
      'e\u0301 (decomposed é) and \u00e9 (composed)',
      '\ttabs\r\nand  double  spaces   \n\n\nend ',
      '\u0000\u0007 control \uFFFD<think>\n</think>',
    ];
    const random = new SeededRandom(17);
    const ranges: [number, number][] = [[0, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
    const specials = ['<|im_start|>', '<|im_end|>', '<|endoftext|>'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 1 + random.int(40); i > 0; i--) {
        if (random.next() < 0.05) text += specials[random.int(3)];
        const [lo, hi] = ranges[random.int(ranges.length)]!;
        text += String.fromCodePoint(lo + random.int(hi - lo + 1)); // no lone surrogates: they have no UTF-8 form
      }
      texts.push(text);
    }
    expect(texts.filter((text) => tokenizer.decode(tokenizer.encode(text)) !== text)).toEqual([]);
  });
});
