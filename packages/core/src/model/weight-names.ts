/**
 * The tensor names and shapes HF transformers uses for Qwen2/Llama checkpoints
 * (`model.layers.{i}.self_attn.q_proj.weight`, ...). Linear weights are [out, in].
 */
import { UserError } from '../util/user-error.js';
import type { ModelConfig } from './model-config.js';
import type { NamedTensor } from './safetensors-format.js';

export function modelWeightShapes(config: ModelConfig): Map<string, number[]> {
  const { hiddenSize: h, intermediateSize: m, vocabSize: v, headDim: d } = config;
  const qWidth = config.numAttentionHeads * d;
  const kvWidth = config.numKeyValueHeads * d;
  const shapes = new Map<string, number[]>([['model.embed_tokens.weight', [v, h]]]);
  for (let i = 0; i < config.numHiddenLayers; i++) {
    const p = `model.layers.${i}`;
    shapes.set(`${p}.input_layernorm.weight`, [h]);
    const projections: [string, number, number, boolean][] = [
      ['self_attn.q_proj', qWidth, h, config.attentionBias],
      ['self_attn.k_proj', kvWidth, h, config.attentionBias],
      ['self_attn.v_proj', kvWidth, h, config.attentionBias],
      ['self_attn.o_proj', h, qWidth, config.attentionOutputBias ?? false],
      ['mlp.gate_proj', m, h, config.mlpBias ?? false],
      ['mlp.up_proj', m, h, config.mlpBias ?? false],
      ['mlp.down_proj', h, m, config.mlpBias ?? false],
    ];
    for (const [name, out, inp, hasBias] of projections) {
      shapes.set(`${p}.${name}.weight`, [out, inp]);
      if (hasBias) shapes.set(`${p}.${name}.bias`, [out]);
    }
    shapes.set(`${p}.post_attention_layernorm.weight`, [h]);
  }
  shapes.set('model.norm.weight', [h]);
  if (!config.tieWordEmbeddings) shapes.set('lm_head.weight', [v, h]);
  return shapes;
}

/**
 * Check loaded weights against the config: every expected tensor present with the right
 * shape. Extra tensors (e.g. a redundant tied lm_head, rotary buffers) are allowed.
 */
export function checkModelWeights(config: ModelConfig, weights: Map<string, NamedTensor>, source: string): void {
  const problems: string[] = [];
  for (const [name, shape] of modelWeightShapes(config)) {
    const tensor = weights.get(name);
    if (!tensor) problems.push(`missing ${name}`);
    else if (tensor.shape.join('x') !== shape.join('x')) problems.push(`${name} is [${tensor.shape}] but config.json implies [${shape}]`);
  }
  if (problems.length > 0) {
    throw new UserError(
      `The weights in ${source} do not match its config.json: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}. ` +
        `The folder mixes files from different models or was saved incompletely; download or save it again.`,
      'PA_WEIGHT_MISMATCH',
    );
  }
}
