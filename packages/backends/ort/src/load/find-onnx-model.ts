/**
 * Finds a decoder export inside a model folder, in the places Hugging Face's ONNX exporters
 * (Optimum) and transformers.js put them, best first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const EXPORT_CANDIDATES = [
  'onnx/model.onnx',
  'onnx/decoder_model_merged.onnx',
  'onnx/decoder_with_past_model.onnx',
  'model.onnx',
  'decoder_model_merged.onnx',
  'decoder_with_past_model.onnx',
];

export function findOnnxExport(modelDir: string): string | null {
  for (const candidate of EXPORT_CANDIDATES) {
    const path = join(modelDir, candidate);
    if (existsSync(path)) return path;
  }
  return null;
}
