/**
 * exportOnnx: a Hugging Face Qwen2/Llama folder -> `<out>/model.onnx` + `model.onnx_data`,
 * plus config.json and the tokenizer files beside it, so the output folder is itself a
 * model folder this backend (and transformers.js-style loaders) can open.
 */
import { UserError } from '@prompt-aug/core';
import { readModelConfig, readModelWeights } from '@prompt-aug/core/model';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDecoderOnnx, type BuiltDecoder } from './onnx/build-decoder.js';

export interface ExportOnnxOptions {
  /** Output folder (default `<modelDir>/onnx`). */
  out?: string;
  /** Weight storage: fp32 (default) or fp16 (half the size; computed in float32). */
  dtype?: 'fp32' | 'fp16';
  /** ONNX Runtime contrib ops (GroupQueryAttention etc.) instead of standard ONNX ops. */
  fused?: boolean;
}

/** Files copied next to the graph so the export folder is self-contained. */
const SIDE_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'chat_template.jinja'];

export async function exportOnnx(modelDir: string, options: ExportOnnxOptions = {}): Promise<BuiltDecoder> {
  const dtype = options.dtype ?? 'fp32';
  if (dtype !== 'fp32' && dtype !== 'fp16') {
    throw new UserError(`exportOnnx dtype must be "fp32" or "fp16"; got "${String(dtype)}".`, 'PA_ORT_BAD_DTYPE');
  }
  const out = options.out ?? join(modelDir, 'onnx');
  const config = await readModelConfig(modelDir);
  const weights = await readModelWeights(modelDir);
  const built = await buildDecoderOnnx(config, weights, out, { fused: options.fused ?? false, storage: dtype === 'fp16' ? 'float16' : 'float32' });
  const present = new Set(await readdir(modelDir));
  for (const file of SIDE_FILES) {
    if (present.has(file) && join(modelDir, file) !== join(out, file)) await copyFile(join(modelDir, file), join(out, file));
  }
  return built;
}
