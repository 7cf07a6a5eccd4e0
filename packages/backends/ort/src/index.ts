// Public API of @prompt-aug/backend-ort. Everything not exported here is internal.
import { ortBackend } from './plugin.js';

export default ortBackend;
export { ortBackend };
export { exportOnnx, type ExportOnnxOptions } from './export-onnx.js';
export { buildDecoderOnnx, type BuildDecoderOptions, type BuiltDecoder } from './onnx/build-decoder.js';
export { IO as DECODER_IO, type DecoderConfig, type WeightMap } from './onnx/decoder-config.js';
export type { OrtLoadOptions } from './load/ort-options.js';
export type { OrtPolicy } from './policy/ort-policy.js';
