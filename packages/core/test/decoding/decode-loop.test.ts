import { describe, expect, test } from 'vitest';
import { decodeLoop, type DecodeSteps } from '../../src/decoding/decode-loop.js';
import { isUserError } from '../../src/util/user-error.js';
import type { GenerateInput } from '@prompt-aug/plugin-api';

const V = 6;
const PAD = 5;

/**
 * A fake model: row b's logits at step t are a one-hot preference for `script[b][t]` (logit 8,
 * others 0), so greedy follows the script; it records what it was fed.
 */
function scripted(script: number[][], decode: ((ids: number[]) => string) | null = null) {
  const fed: number[][] = [];
  let step = 0;
  const logitsAt = (t: number) => {
    const out = new Float32Array(script.length * V);
    script.forEach((tokens, b) => (out[b * V + tokens[Math.min(t, tokens.length - 1)]!] = 8));
    return out;
  };
  const steps: DecodeSteps & { fed: number[][]; prefills: number } = {
    vocabSize: V,
    padTokenId: PAD,
    defaultEosTokenIds: [4],
    decode,
    fed,
    prefills: 0,
    prefill() {
      steps.prefills++;
      return logitsAt(step++);
    },
    async next(tokens) {
      fed.push(tokens);
      return logitsAt(step++);
    },
  };
  return steps;
}

const input = (rows: number, extra: Partial<GenerateInput> = {}): GenerateInput => ({
  inputIds: Array.from({ length: rows }, () => [1, 2]),
  attentionMask: Array.from({ length: rows }, () => [1, 1]),
  maxNewTokens: 5,
  ...extra,
});

describe('decodeLoop', () => {
  test('greedy follows the logits; an EOS row stops, keeps its EOS, is padded and feeds the pad id', async () => {
    const steps = scripted([[0, 4, 1, 1, 1], [1, 2, 3, 0, 1]]);
    const out = await decodeLoop(input(2), steps);
    expect(out.tokens).toEqual([[0, 4, PAD, PAD, PAD], [1, 2, 3, 0, 1]]);
    expect(out.lengths).toEqual([2, 5]);
    expect(out.finishReasons).toEqual(['eos', 'length']);
    // No step after the last token; the finished row is fed the pad id.
    expect(steps.fed).toEqual([[0, 1], [4, 2], [PAD, 3], [PAD, 0]]);
  });

  test('eosTokenIds in the input replace the defaults', async () => {
    const out = await decodeLoop(input(1, { eosTokenIds: [2] }), scripted([[4, 2, 1]]));
    expect(out.tokens).toEqual([[4, 2, PAD, PAD, PAD]]);
    expect(out.finishReasons).toEqual(['eos']);
  });

  test('stops early when every row has finished', async () => {
    const steps = scripted([[4], [0, 4]]);
    const out = await decodeLoop(input(2), steps);
    expect(out.lengths).toEqual([1, 2]);
    expect(steps.fed).toHaveLength(1);
  });

  test('a row stops once its decoded text contains a stop string', async () => {
    const letters = 'abcdef';
    const decode = (ids: number[]) => ids.map((i) => letters[i]).join('');
    const out = await decodeLoop(input(2, { stopStrings: ['bcd'] }), scripted([[0, 1, 2, 3, 0], [0, 0, 0, 0, 0]], decode));
    expect(out.finishReasons).toEqual(['stop', 'length']);
    expect(out.tokens[0]).toEqual([0, 1, 2, 3, PAD]);
  });

  test('stop strings without a tokenizer are a UserError that says what to add', async () => {
    const error = await decodeLoop(input(1, { stopStrings: ['x'] }), scripted([[0]])).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/no tokenizer\.json.*Add the tokenizer files/);
  });

  test('bad sampling settings are refused before the model runs', async () => {
    const steps = scripted([[0]]);
    await expect(decodeLoop(input(1, { topP: 2 }), steps)).rejects.toThrow(/Invalid sampling settings/);
    expect(steps.prefills).toBe(0);
  });

  test('maxNewTokens 0 runs nothing and returns empty rows', async () => {
    const steps = scripted([[0]]);
    const out = await decodeLoop(input(2, { maxNewTokens: 0, returnLogprobs: true }), steps);
    expect(out).toEqual({ tokens: [[], []], lengths: [0, 0], finishReasons: ['length', 'length'], logprobs: [[], []], entropy: [[], []] });
    expect(steps.prefills).toBe(0);
  });

  test('returnLogprobs scores each token and leaves 0 after the row ends', async () => {
    const out = await decodeLoop(input(2, { returnLogprobs: true, maxNewTokens: 3 }), scripted([[4], [0, 1, 2]]));
    // One-hot logit 8 among 6 tokens at temperature 1: log p = 8 − log(e⁸ + 5) = −0.001676;
    // entropy = log(e⁸ + 5) − 8·e⁸/(e⁸ + 5) = 0.015072.
    expect(out.logprobs![0]![0]).toBeCloseTo(-0.001676, 6);
    expect(out.logprobs![0]!.slice(1)).toEqual([0, 0]);
    expect(out.entropy![1]!.every((h) => Math.abs(h - 0.015072) < 1e-6)).toBe(true);
    expect(out.entropy![0]!.slice(1)).toEqual([0, 0]);
  });

  test("a row's samples do not depend on when the other rows finish", async () => {
    // Flat logits: every token equally likely, so the draws are pure generator output.
    const flat = (eos: number[]) => {
      const steps: DecodeSteps = { vocabSize: V, padTokenId: PAD, defaultEosTokenIds: eos, decode: null, prefill: () => new Float32Array(3 * V), next: () => new Float32Array(3 * V) };
      return decodeLoop(input(3, { temperature: 1, seed: 7, maxNewTokens: 12 }), steps);
    };
    const free = await flat([]);
    const row0 = free.tokens[0]!;
    const eos = row0[0]!; // row 0 stops at once; the others may stop later on the same token
    const stopped = await flat([eos]);
    expect(stopped.lengths[0]).toBe(1);
    for (const b of [1, 2]) {
      const cut = free.tokens[b]!.indexOf(eos);
      const upTo = cut === -1 ? 12 : cut + 1;
      expect(stopped.tokens[b]!.slice(0, upTo)).toEqual(free.tokens[b]!.slice(0, upTo));
    }
    expect(new Set(free.tokens.flat()).size).toBeGreaterThan(3); // really sampled
  });

  test('with rowSeeds, a row draws the same tokens whatever batch and position it is in', async () => {
    const flatRun = (rows: number, rowSeeds: number[]) => {
      const steps: DecodeSteps = { vocabSize: V, padTokenId: PAD, defaultEosTokenIds: [], decode: null, prefill: () => new Float32Array(rows * V), next: () => new Float32Array(rows * V) };
      return decodeLoop(input(rows, { temperature: 1, seed: 7, maxNewTokens: 12, rowSeeds }), steps);
    };
    const together = await flatRun(3, [101, 202, 303]);
    const reordered = await flatRun(2, [303, 101]);
    const alone = await flatRun(1, [202]);
    expect(reordered.tokens).toEqual([together.tokens[2], together.tokens[0]]);
    expect(alone.tokens[0]).toEqual(together.tokens[1]);
    expect(together.tokens[0]).not.toEqual(together.tokens[1]);
    await expect(flatRun(2, [1])).rejects.toSatisfy(isUserError);
  });
});

describe('decodeLoop on a diverged model', () => {
  test.each([{ temperature: 0 }, { temperature: 1 }, { temperature: 1, topP: 0.9 }])('NaN logits give an invalid token id (%j), so the caller can tell', async (sampling) => {
    const nan = () => new Float32Array(2 * V).fill(Number.NaN);
    const steps: DecodeSteps = { vocabSize: V, padTokenId: PAD, defaultEosTokenIds: [], decode: null, prefill: nan, next: nan };
    const out = await decodeLoop(input(2, { ...sampling, seed: 1, returnLogprobs: true }), steps);
    expect(out.tokens.map((row) => row[0])).toEqual([-1, -1]);
    expect(out.lengths).toEqual([1, 1]);
    expect(Number.isNaN(out.logprobs![0]![0])).toBe(true);
  });
});

describe('decodeLoop cancellation', () => {
  test('stops between tokens once its signal is aborted, rejecting with the reason', async () => {
    const steps = scripted([[0, 1, 2, 3, 0]]);
    const controller = new AbortController();
    const original = steps.next.bind(steps);
    // Abort while the 2nd token is being computed: the loop must not ask for a 3rd.
    steps.next = async (tokens) => {
      if (steps.fed.length === 1) controller.abort(new Error('client went away'));
      return original(tokens);
    };
    await expect(decodeLoop(input(1, { signal: controller.signal }), steps)).rejects.toThrow('client went away');
    expect(steps.fed).toEqual([[0], [1]]);
  });
});
