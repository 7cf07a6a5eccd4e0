import { join } from 'node:path';
import ortBackend from '@prompt-aug/backend-ort';
import tfjsBackend from '@prompt-aug/backend-tfjs';
import { type Policy } from '@prompt-aug/plugin-api';
import { leftPad, rightPad } from '@prompt-aug/core/decoding';
import { writeTinyModel } from '@prompt-aug/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/run-pa.js';

const CONFIGS = [
  { name: 'qwen2 GQA untied', options: { architecture: 'qwen2' as const, numKeyValueHeads: 2, tieWordEmbeddings: false } },
  { name: 'llama MHA tied', options: { architecture: 'llama' as const, numKeyValueHeads: 4, tieWordEmbeddings: true } },
];

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe.each(CONFIGS)('tfjs and ORT backends agree ($name)', ({ options }) => {
  let tfjs: Policy;
  let ort: Policy;
  beforeAll(async () => {
    const dir = join(tempDir('pa-parity-'), 'model');
    await writeTinyModel(dir, { ...options, seed: 21, initStd: 0.1 });
    tfjs = await tfjsBackend.load({ modelDir: dir, device: 'wasm' });
    ort = await ortBackend.load({ modelDir: dir });
  });
  afterAll(async () => {
    await tfjs?.dispose();
    await ort?.dispose();
  });

  const prompts = leftPad([[5, 17, 42, 99, 7], [8, 250, 3]], 0);

  it('logits match within 1e-4 at every valid position of a left-padded batch', async () => {
    const [a, b] = await Promise.all([tfjs.forward({ inputIds: prompts.ids, attentionMask: prompts.mask }), ort.forward({ inputIds: prompts.ids, attentionMask: prompts.mask })]);
    expect(a.shape).toEqual(b.shape);
    const [B, T, V] = a.shape;
    let worst = 0;
    for (let row = 0; row < B; row++) {
      for (let t = 0; t < T; t++) {
        if (!prompts.mask[row]![t]) continue;
        const at = (row * T + t) * V;
        worst = Math.max(worst, maxAbsDiff(a.logits.subarray(at, at + V), b.logits.subarray(at, at + V)));
      }
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('greedy generations are identical', async () => {
    const input = { inputIds: prompts.ids, attentionMask: prompts.mask, maxNewTokens: 12, temperature: 0, eosTokenIds: [] };
    const [a, b] = [await tfjs.generate(input), await ort.generate(input)];
    expect(a.tokens).toEqual(b.tokens);
  });

  it('seeded sampled generations are identical too (one sampler in core), with matching log-probs', async () => {
    for (const sampling of [{ temperature: 1 }, { temperature: 0.8, topK: 40, topP: 0.9 }]) {
      const input = { inputIds: prompts.ids, attentionMask: prompts.mask, maxNewTokens: 12, seed: 3, eosTokenIds: [], returnLogprobs: true, ...sampling };
      const [a, b] = [await tfjs.generate(input), await ort.generate(input)];
      expect(a.tokens).toEqual(b.tokens);
      expect(new Set(a.tokens.flat()).size).toBeGreaterThan(6); // really sampled, not stuck on one token
      for (let row = 0; row < 2; row++) expect(maxAbsDiff(a.logprobs![row]!, b.logprobs![row]!)).toBeLessThan(1e-4);
    }
  });

  it('RL-layout log-probs and entropy match within 1e-4', async () => {
    const response = rightPad([[11, 12, 13], [14]], 0);
    const input = { promptIds: prompts.ids, promptMask: prompts.mask, responseIds: response.ids, responseMask: response.mask, temperature: 0.7 };
    const [a, b] = [await tfjs.logprobs(input), await ort.logprobs(input)];
    for (let row = 0; row < 2; row++) {
      const n = response.mask[row]!.filter(Boolean).length;
      expect(maxAbsDiff(a.logprobs[row]!.slice(0, n), b.logprobs[row]!.slice(0, n))).toBeLessThan(1e-4);
      expect(maxAbsDiff(a.entropy[row]!.slice(0, n), b.entropy[row]!.slice(0, n))).toBeLessThan(1e-4);
    }
  });
});
