// A random-weight checkpoint with a given shape (default: Qwen2.5-0.5B's), written as a model
// folder whose graph is prebuilt in onnx/ (config.json + onnx/model.onnx + model.onnx_data).
import { modelConfigToJson, modelWeightShapes } from '@prompt-aug/core/model';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDecoderOnnx } from '../dist/index.js';

/** Qwen/Qwen2.5-0.5B config.json values. */
export const QWEN25_05B = {
  architecture: 'qwen2', vocabSize: 151936, hiddenSize: 896, intermediateSize: 4864, numHiddenLayers: 24,
  numAttentionHeads: 14, numKeyValueHeads: 2, headDim: 64, maxPositionEmbeddings: 32768, rmsNormEps: 1e-6,
  ropeTheta: 1000000, hiddenAct: 'silu', tieWordEmbeddings: true, attentionBias: true, attentionOutputBias: false,
  mlpBias: false, initializerRange: 0.02, bosTokenId: null, eosTokenIds: [151643], padTokenId: null, torchDtype: 'float32',
};

/** Uniform weights with HF's std (0.02); norms are 1. A fast xorshift: 500M values in seconds. */
export function randomWeights(config, seed = 1) {
  let state = seed >>> 0 || 1;
  const half = 0.02 * Math.sqrt(3);
  const weights = new Map();
  for (const [name, shape] of modelWeightShapes(config)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('norm.weight')) data.fill(1);
    else {
      for (let i = 0; i < data.length; i++) {
        state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
        data[i] = ((state >>> 0) / 4294967296 * 2 - 1) * half;
      }
    }
    weights.set(name, { shape, data });
  }
  return weights;
}

export async function writeRandomCheckpoint(dir, config, { fused, seed = 1 } = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'config.json'), JSON.stringify(modelConfigToJson(config), null, 2));
  const weights = randomWeights(config, seed);
  await buildDecoderOnnx(config, weights, join(dir, 'onnx'), { fused });
  return weights;
}
