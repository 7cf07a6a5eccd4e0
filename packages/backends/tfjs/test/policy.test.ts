import { type Policy } from '@prompt-aug/plugin-api';
import { isUserError } from '@prompt-aug/core';
import { loadTokenizer } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceForward, referenceLogprobs } from '@prompt-aug/test-utils';
import backend from '../src/index.js';
import { maxAbsDiff } from './helpers/engine.js';
import { tinyFolder } from './helpers/tiny-folder.js';

let model: Awaited<ReturnType<typeof tinyFolder>>;
let policy: Policy;

beforeAll(async () => {
  model = await tinyFolder({ architecture: 'qwen2', tieWordEmbeddings: true });
  policy = await backend.load({ modelDir: model.dir, device: 'wasm' });
});
afterAll(async () => {
  await policy.dispose();
  await model.cleanup();
});

describe('the plugin object', () => {
  it('is a plain BackendPlugin', () => {
    expect(backend).toMatchObject({ kind: 'backend', name: 'backend-tfjs', apiVersion: 1, capabilities: { generate: true, score: true, train: true } });
    expect(backend.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('picks the best available device when none is asked for (wasm on this machine)', async () => {
    const found = await backend.devices();
    const best = found.find((d) => d.available)!;
    const auto = await backend.load({ modelDir: model.dir });
    expect(auto.info.device).toBe(best.device);
    await auto.dispose();
  });

  it('refuses a missing folder with a UserError naming it', async () => {
    const error = await backend.load({ modelDir: '/nonexistent/model-folder', device: 'wasm' }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(String((error as Error).message)).toContain('/nonexistent/model-folder');
  });
});

describe('a policy loaded from a Hugging Face folder', () => {
  it('reports itself', () => {
    expect(policy.info).toMatchObject({ backend: 'backend-tfjs', device: 'wasm', architecture: 'qwen2', vocabSize: model.vocabSize });
    expect(policy.info.eosTokenIds).toEqual(model.eosTokenIds);
  });

  it('forward matches the reference on the weights read from disk', async () => {
    const inputIds = [[0, 0, 10, 20, 30], [40, 50, 60, 70, 80]];
    const attentionMask = [[0, 0, 1, 1, 1], [1, 1, 1, 1, 1]];
    const out = await policy.forward({ inputIds, attentionMask });
    expect(out.shape).toEqual([2, 5, model.vocabSize]);
    const ref = referenceForward(model.config, model.weights, inputIds, attentionMask);
    const V = model.vocabSize;
    expect(maxAbsDiff(out.logits, ref.logits, (i) => attentionMask[Math.floor(i / (5 * V))]![Math.floor(i / V) % 5] === 1)).toBeLessThan(2e-4);
    expect(out.logits.every(Number.isFinite)).toBe(true);
  });

  it('logprobs matches the reference', async () => {
    const input = { promptIds: [[0, 5, 6], [7, 8, 9]], promptMask: [[0, 1, 1], [1, 1, 1]], responseIds: [[11, 12], [13, 0]], responseMask: [[1, 1], [1, 0]], temperature: 0.7 };
    const got = await policy.logprobs(input);
    const ref = referenceLogprobs(model.config, model.weights, input.promptIds, input.promptMask, input.responseIds, input.responseMask, 0.7);
    expect(maxAbsDiff(got.logprobs.flat(), ref.logprobs.flat())).toBeLessThan(1e-4);
    expect(maxAbsDiff(got.entropy.flat(), ref.entropy.flat())).toBeLessThan(1e-4);
    expect(got.logprobs[1]![1]).toBe(0);
  });

  it('stops a row on a stop string (decoded with the model tokenizer) and pads it', async () => {
    const prompt = { inputIds: [[3, 4, 5], [0, 6, 7]], attentionMask: [[1, 1, 1], [0, 1, 1]] };
    const free = await policy.generate({ ...prompt, maxNewTokens: 6, temperature: 1, seed: 9, eosTokenIds: [] });
    // The last character of row 0's first three tokens, as the model tokenizer decodes them, is the stop string.
    const tokenizer = await loadTokenizer(model.dir);
    const text = tokenizer.decode(free.tokens[0]!.slice(0, 3));
    const stop = text.slice(-1);
    const firstHit = [1, 2, 3].find((n) => tokenizer.decode(free.tokens[0]!.slice(0, n)).includes(stop))!;
    const stopped = await policy.generate({ ...prompt, maxNewTokens: 6, temperature: 1, seed: 9, eosTokenIds: [], stopStrings: [stop] });
    expect(stopped.finishReasons[0]).toBe('stop');
    expect(stopped.lengths[0]).toBe(firstHit);
    expect(stopped.tokens[0]!.slice(0, firstHit)).toEqual(free.tokens[0]!.slice(0, firstHit));
    expect(stopped.tokens[0]!.slice(firstHit)).toEqual(Array(6 - firstHit).fill(policy.info.padTokenId));
  });

  it('refuses a ragged batch with a UserError naming the field', async () => {
    const error = await policy.forward({ inputIds: [[1, 2], [3]], attentionMask: [[1, 1], [1]] }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('inputIds[1]');
  });
});
