import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/index.js';
import { modelConfigToJson, modelWeightShapes } from '../../src/model/index.js';
import { parseModelConfig } from '../../src/model/model-config-parse.js';

// config.json of Qwen/Qwen2.5-Math-1.5B as published on the Hub.
const qwenMath15B = {
  architectures: ['Qwen2ForCausalLM'], attention_dropout: 0.0, bos_token_id: 151643, eos_token_id: 151643,
  hidden_act: 'silu', hidden_size: 1536, initializer_range: 0.02, intermediate_size: 8960, max_position_embeddings: 4096,
  max_window_layers: 21, model_type: 'qwen2', num_attention_heads: 12, num_hidden_layers: 28, num_key_value_heads: 2,
  rms_norm_eps: 1e-6, rope_theta: 10000, sliding_window: 4096, tie_word_embeddings: true, torch_dtype: 'bfloat16',
  transformers_version: '4.37.0', use_cache: true, use_mrope: false, use_sliding_window: false, vocab_size: 151936,
};

const minimalLlama = { model_type: 'llama', vocab_size: 32000, hidden_size: 512, intermediate_size: 1024, num_hidden_layers: 2, num_attention_heads: 8 };

const userErrorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected a UserError');
};

describe('parseModelConfig', () => {
  it('reads Qwen2.5-Math-1.5B', () => {
    expect(parseModelConfig(qwenMath15B)).toEqual({
      architecture: 'qwen2', vocabSize: 151936, hiddenSize: 1536, intermediateSize: 8960, numHiddenLayers: 28,
      numAttentionHeads: 12, numKeyValueHeads: 2, headDim: 128, maxPositionEmbeddings: 4096, rmsNormEps: 1e-6,
      ropeTheta: 10000, hiddenAct: 'silu', tieWordEmbeddings: true, attentionBias: true, attentionOutputBias: false,
      mlpBias: false, initializerRange: 0.02, bosTokenId: 151643, eosTokenIds: [151643], padTokenId: null, torchDtype: 'bfloat16',
      raw: qwenMath15B,
    });
  });

  it('its weight shapes count 1,543,714,304 parameters, the published size of Qwen2.5-1.5B', () => {
    let total = 0;
    for (const shape of modelWeightShapes(parseModelConfig(qwenMath15B)).values()) total += shape.reduce((a, b) => a * b, 1);
    expect(total).toBe(1_543_714_304);
  });

  it('applies HF defaults: head_dim, kv heads, tie, no biases for Llama; eos lists', () => {
    const config = parseModelConfig({ ...minimalLlama, eos_token_id: [128001, 128009] });
    expect(config).toMatchObject({ headDim: 64, numKeyValueHeads: 8, tieWordEmbeddings: false, attentionBias: false, attentionOutputBias: false, eosTokenIds: [128001, 128009], maxPositionEmbeddings: 2048, ropeTheta: 10000 });
    expect(parseModelConfig({ ...minimalLlama, attention_bias: true })).toMatchObject({ attentionBias: true, attentionOutputBias: true });
    expect(parseModelConfig({ ...minimalLlama, head_dim: 32 }).headDim).toBe(32);
  });

  it('recognizes the architecture from `architectures` alone and accepts rope_scaling default', () => {
    const { model_type: _, ...noType } = qwenMath15B;
    expect(parseModelConfig({ ...noType, rope_scaling: { rope_type: 'default' } }).architecture).toBe('qwen2');
    expect(parseModelConfig({ ...minimalLlama, model_type: undefined, architectures: ['LlamaForCausalLM'] }).architecture).toBe('llama');
  });

  it('refuses what it cannot run, naming the field', () => {
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, rope_scaling: { rope_type: 'llama3', factor: 32 } })).message).toMatch(/"rope_scaling" uses rope type "llama3"/);
    expect(userErrorOf(() => parseModelConfig({ ...qwenMath15B, use_sliding_window: true }, 'my/config.json')).message).toMatch(/^my\/config\.json: "use_sliding_window"/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, model_type: 'mistral' })).message).toMatch(/"model_type" is "mistral"/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, hidden_act: 'gelu' })).message).toMatch(/"hidden_act"/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, num_key_value_heads: 3 })).message).toMatch(/"num_key_value_heads" \(3\) must divide/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, hidden_size: undefined })).message).toMatch(/"hidden_size" must be a positive integer/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, eos_token_id: 'two' })).message).toMatch(/"eos_token_id"/);
    expect(userErrorOf(() => parseModelConfig({ ...minimalLlama, torch_dtype: 'int8' })).message).toMatch(/"torch_dtype"/);
  });

  it('modelConfigToJson writes what HF needs and parses back to the same config', () => {
    const config = parseModelConfig(qwenMath15B);
    const json = modelConfigToJson(config);
    expect(json).toMatchObject({ architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2', torch_dtype: 'bfloat16', head_dim: 128, eos_token_id: 151643, tie_word_embeddings: true, use_sliding_window: false, rope_scaling: null });
    // Fields ModelConfig does not model survive from raw, window settings included.
    expect(json).toMatchObject({ transformers_version: '4.37.0', use_mrope: false, sliding_window: 4096, max_window_layers: 21 });
    const withoutRaw = ({ raw: _, ...rest }: { raw: unknown }) => rest;
    expect(withoutRaw(parseModelConfig(json))).toEqual(withoutRaw(config));
    const llama = parseModelConfig({ ...minimalLlama, eos_token_id: [1, 2], attention_bias: true });
    expect(modelConfigToJson(llama)).toMatchObject({ architectures: ['LlamaForCausalLM'], eos_token_id: [1, 2], attention_bias: true, mlp_bias: false, head_dim: 64 });
    expect(withoutRaw(parseModelConfig(modelConfigToJson(llama)))).toEqual(withoutRaw(llama));
    // A config built by hand (raw empty, optional fields absent) still serializes completely.
    const { raw: __, attentionOutputBias: ___, mlpBias: ____, hiddenAct: _____, initializerRange: ______, ...spec } = llama;
    expect(withoutRaw(parseModelConfig(modelConfigToJson({ ...spec, raw: {} })))).toEqual(withoutRaw(llama));
  });
});
