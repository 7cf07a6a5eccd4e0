/**
 * backend-ort's load(): picks the device, finds or builds the ONNX graph, opens the sessions
 * and assembles the Policy.
 *
 * Graph choice: `onnxModel` if given; else an existing export inside the model folder
 * (onnx/model.onnx, decoder_model_merged.onnx, ...) unless `useExistingExport: false`; else a
 * graph built from the safetensors checkpoint into the cache (`fused` picks the flavour).
 */
import { DEFAULT_LOSS, DEFAULT_OPTIMIZER, type LoadOptions, type Policy } from '@prompt-aug/plugin-api';
import { cacheDir } from '@prompt-aug/core';
import { loadTokenizerIfPresent, modelWeightShapes, policyTokenIds, readModelConfig, readModelWeights } from '@prompt-aug/core/model';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDecoderOnnx } from '../onnx/build-decoder.js';
import type { WeightMap } from '../onnx/decoder-config.js';
import { OrtPolicy } from '../policy/ort-policy.js';
import { ScorerSession } from '../session/scorer-session.js';
import type { SessionSettings } from '../session/session-options.js';
import { findOnnxExport } from './find-onnx-model.js';
import { builtGraphDir, builtGraphExists } from './graph-cache.js';
import { openDecoder } from './open-decoder.js';
import { ensureDeviceStarts, resolveDevice } from './resolve-device.js';
import { defaultIntraOpThreads } from '../session/execution-providers.js';
import { readOrtOptions, type OrtLoadOptions } from './ort-options.js';
import { readOptimizerConfig } from '../train/checkpoint-io.js';
import { weightsFromSource } from './weight-source.js';

export async function loadOrtPolicy(options: LoadOptions): Promise<Policy> {
  const extra: OrtLoadOptions = readOrtOptions(options);
  const device = resolveDevice(options.device);
  await ensureDeviceStarts(device);
  const settings: SessionSettings = { device, intraOpNumThreads: extra.intraOpNumThreads ?? defaultIntraOpThreads() };
  const config = await readModelConfig(options.modelDir);
  const tokenizer = await loadTokenizerIfPresent(options.modelDir);
  const storage = options.dtype === 'float16' ? 'float16' : 'float32';
  const build = async (weights: WeightMap, outDir: string) => (await buildDecoderOnnx(config, weights, outDir, { fused: extra.fused, storage })).modelPath;

  let modelPath = extra.onnxModel ?? (extra.useExistingExport ? findOnnxExport(options.modelDir) : null);
  if (!modelPath) {
    const dir = await builtGraphDir(options.modelDir, `${extra.fused ? 'fused' : 'standard'}:${storage}`);
    modelPath = builtGraphExists(dir) ? join(dir, 'model.onnx') : await build(await readModelWeights(options.modelDir), dir);
  }
  const decoder = await openDecoder(modelPath, settings);
  const scorer = await ScorerSession.create(settings);

  // Weight updates build into a private folder; the previous version is deleted once replaced.
  const liveRoot = join(cacheDir(), 'backend-ort', 'live', `${process.pid}-${randomBytes(4).toString('hex')}`);
  let version = 0;
  const reloadWeights = async (source: string | Map<string, Float32Array>) => {
    const weights = await weightsFromSource(config, source);
    const dir = join(liveRoot, `v${++version}`);
    const next = await openDecoder(await build(weights, dir), settings);
    if (version > 1) await rm(join(liveRoot, `v${version - 1}`), { recursive: true, force: true });
    return next;
  };

  // Saved training configuration first, then whatever the caller asks for now (as backend-tfjs does).
  const saved = await readOptimizerConfig(options.modelDir);
  const numParameters = [...modelWeightShapes(config).values()].reduce((sum, shape) => sum + shape.reduce((a, b) => a * b, 1), 0);
  return new OrtPolicy({
    info: {
      backend: 'backend-ort',
      device,
      architecture: config.architecture,
      numParameters,
      vocabSize: config.vocabSize,
      ...policyTokenIds(config, tokenizer),
    },
    decoder,
    scorer,
    tokenizer: tokenizer ? { decode: (ids) => tokenizer.decode(ids) } : null,
    reloadWeights,
    cleanup: () => rm(liveRoot, { recursive: true, force: true }),
    logitsBudgetBytes: extra.logitsBudgetBytes,
    maxPositions: config.maxPositionEmbeddings,
    training: { config, modelDir: options.modelDir, settings, checkpointLayers: extra.checkpointLayers },
    loss: { ...DEFAULT_LOSS, ...saved?.loss, ...options.loss },
    optimizer: { ...DEFAULT_OPTIMIZER, ...saved?.optimizer, ...options.optimizer },
  });
}
