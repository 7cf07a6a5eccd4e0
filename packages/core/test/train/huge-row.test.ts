import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, writeTinyModel, type ModelTokenizer } from '../../src/model/index.js';
import type { TemplatesPlugin } from '@prompt-aug/plugin-api';
import { boundedTokenCount } from '../../src/train/prompt-token-count.js';
import { loadTrainingRecords } from '../../src/train/run-setup.js';
import type { TrainConfig } from '../../src/train/train-config.js';

const templates = { templates: [{ id: 'plain', chatTemplate: '{{ messages[0].content }}' }] } as unknown as TemplatesPlugin;
let tokenizer: ModelTokenizer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-huge-row-'));
  await writeTinyModel(join(dir, 'model'));
  tokenizer = await loadTokenizer(join(dir, 'model'));
});

describe('a valid dataset row too long to tokenize', () => {
  it('a 140 MB single-word problem is filtered as over --max-prompt-tokens, not a bare RangeError', async () => {
    const file = join(dir, 'huge.jsonl');
    const huge = JSON.stringify({ id: 'huge', problem: `What is ${'x'.repeat(140_000_000)}?`, answer: '1' });
    await writeFile(file, `${huge}\n${JSON.stringify({ id: 'small', problem: 'What is 1 + 1?', answer: '2' })}\n`);
    const config = { data: file, maxPromptTokens: 64, promptsPerStep: 1 } as TrainConfig;
    const { records, filtered } = await loadTrainingRecords(config, tokenizer, templates);
    expect(records.map((r) => r.id)).toEqual(['small']);
    expect(filtered).toBe(1);
  }, 120_000);

  it('counts exactly below the bound and says Infinity only above it', () => {
    const text = 'What is 12 + 30?';
    expect(boundedTokenCount(tokenizer, text, 64, 'row')).toBe(tokenizer.encode(text, { addSpecialTokens: false }).length);
    let longest = 0;
    for (const token of tokenizer.tokenizer.get_vocab(true).keys()) longest = Math.max(longest, token.length);
    const limit = 3;
    expect(boundedTokenCount(tokenizer, 'a'.repeat(limit * 4 * longest), limit, 'row')).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(boundedTokenCount(tokenizer, 'a'.repeat(limit * 4 * longest + 1), limit, 'row')).toBe(Number.POSITIVE_INFINITY);
  });
});
