// Its own file: the test exhausts the wasm heap for real, after which this process's wasm engine is dead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '@prompt-aug/core';
import { writeTinyModel } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import backend from '../src/index.js';

describe('wasm out of memory', () => {
  it('becomes one clear paragraph naming the operation, the batch and the fix (not a RuntimeError)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pa-wasm-oom-')), 'model');
    await writeTinyModel(dir, { hiddenSize: 64, intermediateSize: 128, numHiddenLayers: 1, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings: true, seed: 1, maxPositionEmbeddings: 8192 });
    const policy = await backend.load({ modelDir: dir, device: 'wasm' });
    // 16 × 2048 tokens: attention scores alone are 16·4·2048² floats = 1 GiB per tensor, and the
    // forward pass keeps several: far past 4 GiB.
    const B = 16;
    const rows = (n: number) => Array.from({ length: B }, () => Array.from({ length: n }, (_, t) => 5 + (t % 50)));
    const ones = (n: number) => Array.from({ length: B }, () => new Array<number>(n).fill(1));
    const error = await policy.logprobs({ promptIds: rows(8), promptMask: ones(8), responseIds: rows(2040), responseMask: ones(2040) }).then(() => null, (e: unknown) => e);
    expect(isUserError(error), String(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/wasm engine ran out of memory in logprobs on 16 sequences of 2048 tokens/);
    expect(message).toMatch(/--micro-batch-size/);
    expect(message).toMatch(/--resume/);
    expect(message).not.toMatch(/\n/);
  }, 120_000);
});
