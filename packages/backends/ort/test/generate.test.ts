/** Generation mechanics: EOS, stop strings, finished rows padded, token budget, seeding. */
import { type Policy } from '@prompt-aug/plugin-api';
import { isUserError } from '@prompt-aug/core';
import { loadTokenizer, type TinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import backend from '../src/index.js';
import { referenceLogprobs } from './helpers/reference.js';
import { leftPad } from './helpers/sessions.js';
import { tinyModel } from './helpers/tiny.js';

const PROMPTS = [[5, 17, 42, 99], [7, 8, 120]];

describe.each([false, true])('generate (fused %s)', (fused) => {
  let model: TinyModel;
  let policy: Policy;
  let free: number[][];
  beforeAll(async () => {
    model = await tinyModel({ seed: 4 });
    policy = await backend.load({ modelDir: model.dir, fused });
    free = (await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 10, eosTokenIds: [] })).tokens;
  });
  afterAll(() => policy.dispose());

  test('runs to the token budget without EOS', async () => {
    const out = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 10, eosTokenIds: [] });
    expect(out.lengths).toEqual([10, 10]);
    expect(out.finishReasons).toEqual(['length', 'length']);
  });

  test('a row stops at EOS (kept, counted) and is padded after it; the other row goes on', async () => {
    const row0 = free[0]!;
    const k = row0.findIndex((tok, i) => i > 0 && !row0.slice(0, i).includes(tok) && !free[1]!.includes(tok));
    expect(k).toBeGreaterThan(0);
    const out = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 10, eosTokenIds: [row0[k]!] });
    expect(out.finishReasons).toEqual(['eos', 'length']);
    expect(out.lengths).toEqual([k + 1, 10]);
    expect(out.tokens[0]!.slice(0, k + 1)).toEqual(row0.slice(0, k + 1));
    expect(out.tokens[0]!.slice(k + 1).every((t) => t === policy.info.padTokenId)).toBe(true);
    expect(out.tokens[1]).toEqual(free[1]);
  });

  test('a row stops once its text contains a stop string', async () => {
    const tokenizer = await loadTokenizer(model.dir);
    const row = free[1]!;
    const texts = row.map((_, j) => tokenizer.decode(row.slice(0, j + 1)));
    const j = texts.findIndex((text, i) => {
      const added = i === 0 ? '' : text.slice(texts[i - 1]!.length);
      return i > 0 && added.trim().length > 0 && !added.includes('\uFFFD') && !texts[i - 1]!.includes(added);
    });
    expect(j).toBeGreaterThan(0);
    const stop = texts[j]!.slice(texts[j - 1]!.length);
    const out = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 10, eosTokenIds: [], stopStrings: [stop] });
    expect(out.finishReasons[1]).toBe('stop');
    expect(out.lengths[1]).toBe(j + 1);
    expect(out.tokens[1]!.slice(0, j + 1)).toEqual(row.slice(0, j + 1));
  });

  test('sampling is reproducible from its seed', async () => {
    const run = (seed: number) => policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 12, temperature: 1.5, topP: 0.95, topK: 50, seed, eosTokenIds: [] });
    const a = await run(3);
    expect((await run(3)).tokens).toEqual(a.tokens);
    expect((await run(4)).tokens).not.toEqual(a.tokens);
  });

  test('returnLogprobs gives each sampled token\'s log-prob and entropy at the temperature, as the float64 reference scores them', async () => {
    const T = 1.5;
    const plain = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 6, temperature: T, topP: 0.95, topK: 50, seed: 5, eosTokenIds: [] });
    // Row 0 stops early on one of its own tokens, so positions after a row's end are covered too.
    const eos = plain.tokens[0]![2]!;
    const out = await policy.generate({ ...leftPad(PROMPTS), maxNewTokens: 6, temperature: T, topP: 0.95, topK: 50, seed: 5, eosTokenIds: [eos], returnLogprobs: true });
    expect(out.lengths[0]).toBeLessThan(6);
    PROMPTS.forEach((prompt, b) => {
      const made = out.tokens[b]!.slice(0, out.lengths[b]);
      const ref = referenceLogprobs(model.config, model.weights, [prompt], [prompt.map(() => 1)], [made], [made.map(() => 1)], T);
      made.forEach((_, j) => {
        expect(out.logprobs![b]![j]).toBeCloseTo(ref.logprobs[0]![j]!, 4);
        expect(out.entropy![b]![j]).toBeCloseTo(ref.entropy[0]![j]!, 4);
      });
      expect(out.logprobs![b]!.slice(made.length).every((x) => x === 0)).toBe(true);
    });
    expect(plain.logprobs).toBeUndefined();
  });

  test('ragged rows are a UserError naming the input', async () => {
    const error = await policy.generate({ inputIds: [[1, 2], [3]], attentionMask: [[1, 1], [1]], maxNewTokens: 2 }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('inputIds row 1');
    const empty = await policy.generate({ inputIds: [[1, 2], [0, 0]], attentionMask: [[1, 1], [0, 0]], maxNewTokens: 2 }).catch((e: unknown) => e);
    expect(isUserError(empty)).toBe(true);
    expect((empty as Error).message).toContain('attentionMask row 1 has no real token');
    const long = await policy.generate({ inputIds: [[1, 2]], attentionMask: [[1, 1]], maxNewTokens: model.config.maxPositionEmbeddings }).catch((e: unknown) => e);
    expect(isUserError(long)).toBe(true);
    expect((long as Error).message).toContain('max_position_embeddings');
  });
});
