import { existsSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { exportOnnx } from '@prompt-aug/backend-ort';
import { resolveModel } from '@prompt-aug/core/model';
import { BaseCommand } from '../../lib/base-command.js';

export default class ExportOnnx extends BaseCommand {
  static override summary = 'Write an ONNX decoder graph (with KV cache) for a Hugging Face Qwen2/Llama checkpoint.';
  static override description =
    'Builds the graph in TypeScript (no Python): input_ids, attention_mask, position_ids and past_key_values.* in; logits and present.* out; weights in an external data file so models over 2 GB work. The folder gets config and tokenizer files too, in the layout Hugging Face exporters and transformers.js use; the ORT backend loads it directly.';
  static override examples = [
    '<%= config.bin %> export onnx runs/demo/run/checkpoints/step-000060',
    '<%= config.bin %> export onnx Qwen/Qwen2.5-Math-1.5B --out qwen-onnx --dtype fp16',
    '<%= config.bin %> export onnx ckpt/ --fused',
  ];
  static override args = { checkpoint: Args.string({ description: 'Hugging Face model folder or hub id', required: true }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: 'output folder (default <checkpoint>/onnx)' }),
    dtype: Flags.string({ description: 'weight storage', options: ['fp32', 'fp16'], default: 'fp32' }),
    fused: Flags.boolean({ description: "use ONNX Runtime's fused contrib ops (GroupQueryAttention, RotaryEmbedding, SimplifiedLayerNormalization)" }),
  };

  async run(): Promise<Record<string, unknown>> {
    const { args, flags } = await this.parse(ExportOnnx);
    const modelDir = existsSync(args.checkpoint) ? args.checkpoint : await resolveModel(args.checkpoint);
    const built = await exportOnnx(modelDir, { out: flags.out, dtype: flags.dtype as 'fp32' | 'fp16', fused: flags.fused });
    this.log(`graph:   ${built.modelPath}\nweights: ${built.dataPath}${built.fused ? '\n(fused contrib ops)' : ''}`);
    return { modelPath: built.modelPath, dataPath: built.dataPath, fused: built.fused };
  }
}
