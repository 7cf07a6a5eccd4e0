/**
 * Which padding convention a decoder graph expects. Our builder records it in the model's
 * metadata; for other exports, a GroupQueryAttention node means right padding (ORT GenAI
 * models), anything else the Hugging Face left-padding convention.
 */
import { readFile } from 'node:fs/promises';
import { PADDING_METADATA_KEY } from '../onnx/build-decoder.js';
import { decodeModel } from '../onnx/proto.js';
import type { PaddingSide } from '../session/decoder-layout.js';

export async function graphPadding(modelPath: string): Promise<PaddingSide> {
  // Weights in external files make this read small; an embedded-weight graph is < 2 GB by protobuf's limit.
  const model = decodeModel(await readFile(modelPath));
  const recorded = model.metadataProps.find((p) => p.key === PADDING_METADATA_KEY)?.value;
  if (recorded === 'left' || recorded === 'right') return recorded;
  const usesGqa = (model.graph?.node ?? []).some((n) => n.opType === 'GroupQueryAttention');
  return usesGqa ? 'right' : 'left';
}
