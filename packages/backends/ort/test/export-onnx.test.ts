/** exportOnnx writes a self-contained model folder: graph, external weights, config, tokenizer. */
import { isUserError } from '@prompt-aug/core';
import { type TinyModel } from '@prompt-aug/core/model';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportOnnx } from '../src/index.js';
import { decodeModel } from '../src/onnx/proto.js';
import { tempDir, tinyModel } from './helpers/tiny.js';

describe('exportOnnx', () => {
  let model: TinyModel;
  beforeAll(async () => {
    model = await tinyModel({ numHiddenLayers: 2 });
  });

  test('defaults to <model>/onnx/model.onnx with the HF / transformers.js I/O names', async () => {
    const built = await exportOnnx(model.dir);
    expect(built.modelPath).toBe(join(model.dir, 'onnx', 'model.onnx'));
    for (const file of ['model.onnx_data', 'config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json']) {
      expect(existsSync(join(model.dir, 'onnx', file))).toBe(true);
    }
    const graph = decodeModel(await readFile(built.modelPath)).graph!;
    expect(graph.input.map((i) => i.name)).toEqual([
      'input_ids', 'attention_mask', 'position_ids',
      'past_key_values.0.key', 'past_key_values.0.value', 'past_key_values.1.key', 'past_key_values.1.value',
      'num_logits_to_keep',
    ]);
    expect(graph.output.map((o) => o.name)).toEqual(['logits', 'present.0.key', 'present.0.value', 'present.1.key', 'present.1.value']);
    // Every weight lives in the external file; the protobuf holds only small constants.
    expect(graph.initializer.filter((t) => t.dataLocation === 1).length).toBe(model.weights.size);
  });

  test('fp16 halves the weight file; fused uses the com.microsoft ops', async () => {
    const out32 = tempDir();
    const out16 = tempDir();
    await exportOnnx(model.dir, { out: out32 });
    const fused = await exportOnnx(model.dir, { out: out16, dtype: 'fp16', fused: true });
    const ratio = statSync(join(out16, 'model.onnx_data')).size / statSync(join(out32, 'model.onnx_data')).size;
    // fp16 halves the checkpoint weights; the fused graph adds fp16 rotary tables (512 positions).
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.6);
    const ops = new Set(decodeModel(await readFile(fused.modelPath)).graph!.node.map((n) => n.opType));
    for (const op of ['GroupQueryAttention', 'RotaryEmbedding', 'SimplifiedLayerNormalization', 'SkipSimplifiedLayerNormalization']) expect(ops.has(op)).toBe(true);
  });

  test('an unknown dtype is a UserError', async () => {
    const error = await exportOnnx(model.dir, { out: tempDir(), dtype: 'int8' as 'fp16' }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
  });
});
