// Model files: safetensors, HF configs, tokenizers, tiny test models, hub downloads.
export { bf16ToF32, f32ToBf16, f16ToF32, f32ToF16, halfBitsToNumber, floatBitsToHalfBits } from './dtype-convert.js';
export {
  SAFETENSORS_DTYPE_BYTES,
  elementCount,
  type SafetensorsDtype,
  type FloatStorageDtype,
  type SafetensorsEntry,
  type SafetensorsHeader,
  type NamedTensor,
} from './safetensors-format.js';
export { openSafetensors, readSafetensors, readSafetensorsHeader, type SafetensorsReader, type SafetensorsContents } from './safetensors-read.js';
export { writeSafetensors, type WeightsInput, type WriteSafetensorsOptions } from './safetensors-write.js';
export {
  readModelWeights,
  writeModelWeights,
  modelWeightFiles,
  shardName,
  SINGLE_WEIGHTS_FILE,
  WEIGHTS_INDEX_FILE,
  type WriteModelWeightsOptions,
} from './model-weights.js';
export { openModelWeights, type ModelWeightsReader } from './model-weights-reader.js';
export { modelConfigToJson, ARCHITECTURE_CLASS, type ModelConfig, type ModelArchitecture, type TorchDtype } from './model-config.js';
export { parseModelConfig, readModelConfig } from './model-config-parse.js';
export { modelWeightShapes, checkModelWeights } from './weight-names.js';
export { ModelTokenizer, type TextTokenizer, type ChatTemplateOptions, type TokenizerSpecials } from './model-tokenizer.js';
export { loadTokenizer } from './tokenizer-load.js';
export { byteLevelAlphabet } from './byte-level-alphabet.js';
export {
  tinyTokenizerJson,
  tinyTokenizerConfig,
  tinyTokenizerVocab,
  tinyTokenizerSize,
  TINY_SPECIAL_TOKENS,
  CHATML_TEMPLATE,
  type BpeMerges,
} from './tiny-tokenizer.js';
export { writeTinyModel, tinyModelConfig, randomModelWeights, type TinyModel, type TinyModelOptions } from './tiny-model.js';
export { resolveModel, type ResolveModelOptions } from './resolve-model.js';
