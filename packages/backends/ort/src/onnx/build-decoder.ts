/**
 * Writes a decoder ONNX model (graph + external weight file) for a Qwen2/Llama config and
 * its Hugging Face weights. Two flavours: standard ONNX ops (portable), or ONNX Runtime's
 * fused contrib ops (faster on ORT, and needs right-padded batches; see fused-decoder.ts).
 */
import { atomicWriteFile } from '@prompt-aug/core';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { DecoderConfig, WeightMap } from './decoder-config.js';
import { ExternalDataWriter } from './external-data.js';
import { buildFusedDecoder } from './fused-decoder.js';
import { GraphBuilder, type WeightStorage } from './graph-builder.js';
import { encodeModel } from './proto.js';
import { buildStandardDecoder } from './standard-decoder.js';

export interface BuildDecoderOptions {
  /** Use com.microsoft GroupQueryAttention / RotaryEmbedding / SimplifiedLayerNormalization. */
  fused?: boolean;
  /** How weights are stored on disk; compute is float32 either way. */
  storage?: WeightStorage;
  /** Graph file name inside `outDir` (default model.onnx); weights go to `<name>_data`. */
  fileName?: string;
}

export interface BuiltDecoder {
  modelPath: string;
  dataPath: string;
  fused: boolean;
}

/** Metadata key that tells a loader which padding convention the graph expects. */
export const PADDING_METADATA_KEY = 'prompt_aug.padding';

export async function buildDecoderOnnx(
  config: DecoderConfig,
  weights: WeightMap,
  outDir: string,
  options: BuildDecoderOptions = {},
): Promise<BuiltDecoder> {
  await mkdir(outDir, { recursive: true });
  const fileName = options.fileName ?? 'model.onnx';
  const modelPath = join(outDir, fileName);
  const dataPath = `${modelPath}_data`;
  const fused = options.fused ?? false;
  const external = new ExternalDataWriter(dataPath);
  const g = new GraphBuilder(external, options.storage ?? 'float32');
  try {
    if (fused) buildFusedDecoder(g, config, weights);
    else buildStandardDecoder(g, config, weights);
  } finally {
    external.finish();
  }
  const model = g.model('prompt-aug backend-ort');
  model.metadataProps = [{ key: PADDING_METADATA_KEY, value: fused ? 'right' : 'left' }];
  await atomicWriteFile(modelPath, encodeModel(model));
  return { modelPath, dataPath, fused };
}
