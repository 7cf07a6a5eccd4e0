/**
 * Rewrites one of our graphs into the shape of a Hugging Face Optimum / transformers.js
 * `decoder_model_merged.onnx`: weights embedded (no external data file), no
 * num_logits_to_keep input (all logits returned), and a `use_cache_branch` input.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataType, decodeModel, encodeModel, onnx, valueInfo } from '../../src/onnx/proto.js';

export async function rewriteAsOptimumExport(modelPath: string, outPath: string): Promise<void> {
  const model = decodeModel(await readFile(modelPath));
  const graph = model.graph!;
  for (const tensor of graph.initializer) {
    if (tensor.dataLocation !== onnx.TensorProto.DataLocation.EXTERNAL) continue;
    const field = (key: string) => (tensor.externalData ?? []).find((e) => e.key === key)?.value ?? '';
    const data = await readFile(join(dirname(modelPath), field('location')));
    const offset = Number(field('offset'));
    tensor.rawData = data.subarray(offset, offset + Number(field('length')));
    tensor.externalData = [];
    tensor.dataLocation = onnx.TensorProto.DataLocation.DEFAULT;
  }
  graph.input = graph.input.filter((i) => i.name !== 'num_logits_to_keep');
  graph.initializer.push(onnx.TensorProto.create({ name: 'num_logits_to_keep', dims: [], dataType: DataType.INT64, int64Data: [0] }));
  graph.input.push(onnx.ValueInfoProto.create(valueInfo('use_cache_branch', DataType.BOOL, [1])));
  // The rewritten graph is a different model: drop our padding marker so the loader must infer it.
  model.metadataProps = [];
  await writeFile(outPath, encodeModel(model));
}
