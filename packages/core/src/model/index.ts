// Model files: safetensors, HF configs, tokenizers, tiny test models, hub downloads.
export { f16ToF32, f32ToF16 } from './dtype-convert.js';
export { type NamedTensor } from './safetensors-format.js';
export { readSafetensors } from './safetensors-read.js';
export { writeSafetensors } from './safetensors-write.js';
export { readModelWeights, writeModelWeights, type WriteModelWeightsOptions } from './model-weights.js';
export { modelConfigToJson, type ModelConfig, type ModelArchitecture, type TorchDtype } from './model-config.js';
export { readModelConfig } from './model-config-parse.js';
export { modelWeightShapes, checkModelWeights } from './weight-names.js';
export { ModelTokenizer, type TextTokenizer, type ChatTemplateOptions, type TokenizerSpecials } from './model-tokenizer.js';
export { loadTokenizer } from './tokenizer-load.js';
export { writeTinyModel, tinyModelConfig, randomModelWeights, type TinyModel, type TinyModelOptions } from './tiny-model.js';
export { resolveModel, type ResolveModelOptions } from './resolve-model.js';
export { policyTokenIds, loadTokenizerIfPresent } from './policy-token-ids.js';
export { tinyTokenizerJson } from './tiny-tokenizer.js';
