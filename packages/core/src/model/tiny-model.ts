/**
 * Write a complete, tiny Hugging Face model folder (config, generation config, safetensors
 * weights, tokenizer) that every backend can load: tests build real models in milliseconds.
 */
import { join } from 'node:path';
import { atomicWriteJson } from '../util/atomic-write.js';
import { SeededRandom } from '../util/random.js';
import { modelConfigToJson, type ModelArchitecture, type ModelConfig } from './model-config.js';
import { writeModelWeights } from './model-weights.js';
import type { FloatStorageDtype, NamedTensor } from './safetensors-format.js';
import { elementCount } from './safetensors-format.js';
import { tinyTokenizerConfig, tinyTokenizerJson, tinyTokenizerVocab, type BpeMerges } from './tiny-tokenizer.js';
import { modelWeightShapes } from './weight-names.js';

export interface TinyModelOptions {
  architecture?: ModelArchitecture;
  hiddenSize?: number;
  intermediateSize?: number;
  numHiddenLayers?: number;
  numAttentionHeads?: number;
  numKeyValueHeads?: number;
  /** Default hiddenSize / numAttentionHeads. */
  headDim?: number;
  maxPositionEmbeddings?: number;
  ropeTheta?: number;
  rmsNormEps?: number;
  tieWordEmbeddings?: boolean;
  /** Llama only (Qwen2 always has q/k/v biases). */
  attentionBias?: boolean;
  seed?: number;
  /** Standard deviation of the random normal weights (default 0.02, HF's initializer_range). */
  initStd?: number;
  /** Storage dtype of model.safetensors (default F32); config.json's torch_dtype follows it. */
  dtype?: FloatStorageDtype;
  maxShardBytes?: number;
  /** BPE merges of the tokenizer (default: the tiny tokenizer's); the vocabulary follows them. */
  merges?: BpeMerges;
}

/**
 * The written model's ModelConfig (the lead's spec: writeTinyModel returns a ModelConfig), plus
 * the folder and the float32 weights before storage (BF16/F16 files hold these rounded).
 */
export type TinyModel = ModelConfig & {
  dir: string;
  config: ModelConfig;
  weights: Map<string, NamedTensor>;
};

const TORCH_DTYPE = { F32: 'float32', BF16: 'bfloat16', F16: 'float16' } as const;

export function tinyModelConfig(options: TinyModelOptions = {}): ModelConfig {
  const architecture = options.architecture ?? 'qwen2';
  const hiddenSize = options.hiddenSize ?? 64;
  const numAttentionHeads = options.numAttentionHeads ?? 4;
  const vocab = tinyTokenizerVocab(options.merges);
  const endOfText = vocab.size; // special token ids follow the BPE vocabulary
  const imEnd = vocab.size + 2;
  const attentionBias = architecture === 'qwen2' ? true : (options.attentionBias ?? false);
  const config: ModelConfig = {
    architecture,
    vocabSize: vocab.size + 3,
    hiddenSize,
    intermediateSize: options.intermediateSize ?? 128,
    numHiddenLayers: options.numHiddenLayers ?? 2,
    numAttentionHeads,
    numKeyValueHeads: options.numKeyValueHeads ?? 2,
    headDim: options.headDim ?? hiddenSize / numAttentionHeads,
    maxPositionEmbeddings: options.maxPositionEmbeddings ?? 512,
    rmsNormEps: options.rmsNormEps ?? 1e-6,
    ropeTheta: options.ropeTheta ?? 10000,
    hiddenAct: 'silu',
    tieWordEmbeddings: options.tieWordEmbeddings ?? false,
    attentionBias,
    attentionOutputBias: architecture === 'llama' && attentionBias,
    mlpBias: false,
    initializerRange: options.initStd ?? 0.02,
    bosTokenId: endOfText,
    eosTokenIds: [endOfText, imEnd],
    padTokenId: null,
    torchDtype: TORCH_DTYPE[options.dtype ?? 'F32'],
    raw: {},
  };
  config.raw = modelConfigToJson(config); // what config.json will hold, as readModelConfig would report it
  return config;
}

/** Random normal weights; norm scales are 1. Biases are random too (HF zeroes them) so a backend that forgets a bias fails its tests. */
export function randomModelWeights(config: ModelConfig, seed = 0, std = 0.02): Map<string, NamedTensor> {
  const random = new SeededRandom(seed);
  const weights = new Map<string, NamedTensor>();
  for (const [name, shape] of modelWeightShapes(config)) {
    const data = new Float32Array(elementCount(shape));
    if (name.endsWith('norm.weight')) data.fill(1);
    else for (let i = 0; i < data.length; i++) data[i] = random.normal() * std;
    weights.set(name, { shape, data });
  }
  return weights;
}

export async function writeTinyModel(dir: string, options: TinyModelOptions = {}): Promise<TinyModel> {
  const config = tinyModelConfig(options);
  const weights = randomModelWeights(config, options.seed ?? 0, options.initStd ?? 0.02);
  const vocab = tinyTokenizerVocab(options.merges);
  await atomicWriteJson(join(dir, 'config.json'), modelConfigToJson(config));
  await atomicWriteJson(join(dir, 'generation_config.json'), {
    bos_token_id: vocab.size,
    eos_token_id: [vocab.size, vocab.size + 2], // <|endoftext|>, <|im_end|>
    pad_token_id: vocab.size,
  });
  await atomicWriteJson(join(dir, 'tokenizer.json'), tinyTokenizerJson(options.merges));
  await atomicWriteJson(join(dir, 'tokenizer_config.json'), tinyTokenizerConfig(options.merges));
  await writeModelWeights(dir, weights, { dtype: options.dtype, maxShardBytes: options.maxShardBytes });
  return { ...config, dir, config, weights };
}
