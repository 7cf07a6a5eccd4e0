import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ModelConfig, checkModelWeights, readModelConfig, readModelWeights, writeTinyModel, loadTokenizer } from '../../src/model/index.js';
import { f32ToBf16, bf16ToF32 } from '../../src/model/dtype-convert.js';
import { tinyTokenizerSize } from '../../src/model/tiny-tokenizer.js';

const scratch = () => mkdtemp(join(tmpdir(), 'pa-tiny-'));

describe('writeTinyModel', () => {
  it('writes a loadable HF folder whose weights read back bit-exactly (F32)', async () => {
    const dir = await scratch();
    const tiny = await writeTinyModel(dir, { seed: 7 });
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'generation_config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json']);
    const config = await readModelConfig(dir);
    expect(config).toEqual(tiny.config);
    const specShape: ModelConfig = tiny; // the result is itself the ModelConfig (the lead's spec)
    expect({ ...specShape, dir: undefined, config: undefined, weights: undefined }).toEqual({ ...config, dir: undefined, config: undefined, weights: undefined });
    expect(config).toMatchObject({ architecture: 'qwen2', hiddenSize: 64, intermediateSize: 128, numHiddenLayers: 2, numAttentionHeads: 4, numKeyValueHeads: 2, headDim: 16, attentionBias: true });
    expect(config.vocabSize).toBe(tinyTokenizerSize());
    expect(config.vocabSize).toBeLessThanOrEqual(400);
    const weights = await readModelWeights(dir);
    checkModelWeights(config, weights, dir);
    // 2 layers x (2 norms + 7 projections + 3 biases) + embed + final norm + lm_head
    expect(weights.size).toBe(2 * 12 + 3);
    for (const [name, tensor] of tiny.weights) expect(weights.get(name)!.data).toEqual(tensor.data);
    expect(weights.get('model.norm.weight')!.data.every((v) => v === 1)).toBe(true);
    const q = weights.get('model.layers.0.self_attn.q_proj.weight')!;
    expect(q.shape).toEqual([64, 64]);
    const k = weights.get('model.layers.1.self_attn.k_proj.weight')!;
    expect(k.shape).toEqual([32, 64]);
    const std = Math.sqrt(q.data.reduce((s, v) => s + v * v, 0) / q.data.length);
    expect(std).toBeGreaterThan(0.018);
    expect(std).toBeLessThan(0.022);
  });

  it('generation_config lists <|endoftext|> and <|im_end|> as eos, and the tokenizer agrees', async () => {
    const dir = await scratch();
    await writeTinyModel(dir);
    const tokenizer = await loadTokenizer(dir);
    const generation = JSON.parse(await readFile(join(dir, 'generation_config.json'), 'utf8'));
    expect(generation.eos_token_id).toEqual([tokenizer.tokenToId('<|endoftext|>'), tokenizer.tokenToId('<|im_end|>')]);
    expect(tokenizer.eosTokenIds).toEqual(generation.eos_token_id);
    expect(tokenizer.padTokenId).toBe(tokenizer.tokenToId('<|endoftext|>'));
    expect(tokenizer.vocabSize).toBe(tinyTokenizerSize());
  });

  it('writes a Llama variant with tied embeddings and no biases, seeded deterministically', async () => {
    const a = await writeTinyModel(await scratch(), { architecture: 'llama', tieWordEmbeddings: true, seed: 3 });
    const b = await writeTinyModel(await scratch(), { architecture: 'llama', tieWordEmbeddings: true, seed: 3 });
    const weights = await readModelWeights(a.dir);
    expect(weights.has('lm_head.weight')).toBe(false);
    expect([...weights.keys()].some((n) => n.endsWith('.bias'))).toBe(false);
    expect(weights.get('model.embed_tokens.weight')!.data).toEqual(b.weights.get('model.embed_tokens.weight')!.data);
    const config = JSON.parse(await readFile(join(a.dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ architectures: ['LlamaForCausalLM'], model_type: 'llama', tie_word_embeddings: true, attention_bias: false, torch_dtype: 'float32' });
  });

  it('stores BF16 weights (torch_dtype bfloat16) that read back as the bf16-rounded values', async () => {
    const dir = await scratch();
    const tiny = await writeTinyModel(dir, { dtype: 'BF16', numHiddenLayers: 1 });
    expect(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')).torch_dtype).toBe('bfloat16');
    const weights = await readModelWeights(dir);
    const original = tiny.weights.get('model.layers.0.mlp.down_proj.weight')!.data;
    const stored = weights.get('model.layers.0.mlp.down_proj.weight')!.data;
    expect(stored).toEqual(bf16ToF32(f32ToBf16(original)));
    expect(stored).not.toEqual(original); // rounding really happened
    const maxRelError = Math.max(...[...original].map((v, i) => Math.abs(stored[i]! - v) / Math.abs(v)));
    expect(maxRelError).toBeLessThanOrEqual(2 ** -8);
  });
});
