/** Loading exports in the Hugging Face / transformers.js layout instead of building a graph. */
import { type Policy } from '@prompt-aug/plugin-api';
import { isUserError } from '@prompt-aug/core';
import { writeTinyModel } from '@prompt-aug/core/model';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import backend, { exportOnnx } from '../src/index.js';
import { buildScorerModel } from '../src/onnx/scorer-graph.js';
import { leftPad, maxAbsDiff, rightPad } from './helpers/sessions.js';
import { rewriteAsOptimumExport } from './helpers/rewrite-export.js';
import { tempDir, tinyModel } from './helpers/tiny.js';

const PROMPTS = [[5, 17, 42, 99], [7, 8]];
const OPTIONS = { hiddenSize: 32, numAttentionHeads: 4, numKeyValueHeads: 2, initStd: 0.2 };

describe('existing ONNX exports', () => {
  let reference: Policy;
  let referenceDir: string;
  beforeAll(async () => {
    referenceDir = (await tinyModel({ seed: 1 })).dir;
    reference = await backend.load({ modelDir: referenceDir, useExistingExport: false });
  });
  afterAll(() => reference.dispose());

  async function expectSameModel(policy: Policy): Promise<void> {
    const input = leftPad(PROMPTS);
    expect(maxAbsDiff((await policy.forward(input)).logits, (await reference.forward(input)).logits)).toBeLessThan(1e-4);
    const generated = { ...input, maxNewTokens: 6, eosTokenIds: [] };
    expect((await policy.generate(generated)).tokens).toEqual((await reference.generate(generated)).tokens);
    const responses = rightPad([[1, 2, 3], [4]]);
    const score = { promptIds: input.inputIds, promptMask: input.attentionMask, responseIds: responses.ids, responseMask: responses.mask };
    const [a, b] = [await policy.logprobs(score), await reference.logprobs(score)];
    expect(maxAbsDiff(a.logprobs.flat(), b.logprobs.flat())).toBeLessThan(1e-4);
  }

  test('onnx/model.onnx with external data is used instead of the safetensors', async () => {
    // The folder's safetensors hold seed 2; its onnx/ export holds seed 1, the reference model.
    const dir = (await writeTinyModel(tempDir(), { ...OPTIONS, seed: 2 })).dir;
    await exportOnnx(referenceDir, { out: join(dir, 'onnx') });
    expect(existsSync(join(dir, 'onnx', 'model.onnx_data'))).toBe(true);
    const policy = await backend.load({ modelDir: dir });
    await expectSameModel(policy);
    await policy.dispose();
  });

  test('decoder_model_merged.onnx with embedded weights, use_cache_branch and no num_logits_to_keep', async () => {
    const dir = (await writeTinyModel(tempDir(), { ...OPTIONS, seed: 2 })).dir;
    const built = await exportOnnx(referenceDir, { out: tempDir() });
    await rewriteAsOptimumExport(built.modelPath, join(dir, 'decoder_model_merged.onnx'));
    const policy = await backend.load({ modelDir: dir });
    await expectSameModel(policy);
    await policy.dispose();
  });

  test('a fused (GroupQueryAttention) export is driven with right padding', async () => {
    const dir = (await writeTinyModel(tempDir(), { ...OPTIONS, seed: 2 })).dir;
    const built = await exportOnnx(referenceDir, { out: tempDir(), fused: true });
    const policy = await backend.load({ modelDir: dir, onnxModel: built.modelPath });
    await expectSameModel(policy);
    await policy.dispose();
  });

  test('an ONNX file that is not a KV-cache decoder is a UserError', async () => {
    const path = join(tempDir(), 'model.onnx');
    await writeFile(path, buildScorerModel());
    const error = await backend.load({ modelDir: referenceDir, onnxModel: path }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/not a decoder with a KV cache/);
  });
});
