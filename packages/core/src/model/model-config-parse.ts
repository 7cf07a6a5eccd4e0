/**
 * Parse an HF `config.json` into a ModelConfig, with HF's own defaults for optional fields,
 * refusing (with the field name) anything the backends would silently compute wrong.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../util/user-error.js';
import { checkConfigAgainstWeights } from './config-matches-weights.js';
import { ARCHITECTURE_CLASS, type ModelArchitecture, type ModelConfig, type TorchDtype } from './model-config.js';

type Json = Record<string, unknown>;

export async function readModelConfig(dir: string): Promise<ModelConfig> {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`No config.json in ${dir}; point --model at a Hugging Face model folder (config.json, safetensors weights, tokenizer files).`, 'PA_NO_CONFIG', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path} is not valid JSON (${(error as Error).message}); fix or re-download it.`, 'PA_BAD_CONFIG', { cause: error });
  }
  const config = parseModelConfig(json, path);
  await checkConfigAgainstWeights(config, dir, path);
  return config;
}

export function parseModelConfig(json: unknown, source = 'config.json'): ModelConfig {
  const bad = (field: string, problem: string, fix: string): never => {
    throw new UserError(`${source}: "${field}" ${problem}. ${fix}`, 'PA_BAD_CONFIG');
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) bad('(root)', 'is not a JSON object', 'Use the config.json of a Hugging Face model.');
  const c = json as Json;
  const architecture = detectArchitecture(c, bad);
  const int = (field: string, fallback?: number): number => {
    const value = c[field] ?? fallback;
    if (!Number.isSafeInteger(value) || (value as number) <= 0) bad(field, `must be a positive integer (got ${JSON.stringify(c[field])})`, 'Fix config.json.');
    return value as number;
  };
  const num = (field: string, fallback: number): number => {
    const value = c[field] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad(field, `must be a non-negative number (got ${JSON.stringify(c[field])})`, 'Fix config.json.');
    return value as number;
  };
  checkUnsupported(c, architecture, bad);
  const hiddenSize = int('hidden_size');
  const numAttentionHeads = int('num_attention_heads');
  const numKeyValueHeads = int('num_key_value_heads', numAttentionHeads);
  if (numAttentionHeads % numKeyValueHeads !== 0) bad('num_key_value_heads', `(${numKeyValueHeads}) must divide num_attention_heads (${numAttentionHeads})`, 'Fix config.json.');
  if (c.head_dim == null && hiddenSize % numAttentionHeads !== 0) bad('hidden_size', `(${hiddenSize}) is not divisible by num_attention_heads (${numAttentionHeads}) and head_dim is not set`, 'Set head_dim.');
  const attentionBias = architecture === 'qwen2' ? true : bool(c, 'attention_bias', false, bad);
  return {
    architecture,
    vocabSize: int('vocab_size'),
    hiddenSize,
    intermediateSize: int('intermediate_size'),
    numHiddenLayers: int('num_hidden_layers'),
    numAttentionHeads,
    numKeyValueHeads,
    headDim: int('head_dim', hiddenSize / numAttentionHeads),
    maxPositionEmbeddings: int('max_position_embeddings', architecture === 'qwen2' ? 32768 : 2048),
    rmsNormEps: num('rms_norm_eps', 1e-6),
    ropeTheta: ropeTheta(c, bad),
    hiddenAct: 'silu',
    tieWordEmbeddings: bool(c, 'tie_word_embeddings', false, bad),
    attentionBias,
    attentionOutputBias: architecture === 'llama' && attentionBias,
    mlpBias: architecture === 'llama' ? bool(c, 'mlp_bias', false, bad) : false,
    initializerRange: num('initializer_range', 0.02),
    bosTokenId: optionalId(c, 'bos_token_id', bad),
    eosTokenIds: tokenIdList(c.eos_token_id, 'eos_token_id', bad),
    padTokenId: optionalId(c, 'pad_token_id', bad),
    torchDtype: torchDtype(c, bad),
    raw: structuredClone(c),
  };
}

type Bad = (field: string, problem: string, fix: string) => never;

function detectArchitecture(c: Json, bad: Bad): ModelArchitecture {
  if (c.model_type === 'qwen2' || c.model_type === 'llama') return c.model_type;
  const classes = Array.isArray(c.architectures) ? c.architectures : [];
  for (const [arch, cls] of Object.entries(ARCHITECTURE_CLASS)) if (classes.includes(cls)) return arch as ModelArchitecture;
  return bad('model_type', `is ${JSON.stringify(c.model_type)} (architectures ${JSON.stringify(c.architectures)}), which prompt-aug cannot run`, 'Supported: "qwen2" (Qwen2ForCausalLM, e.g. Qwen2.5-Math) and "llama" (LlamaForCausalLM).');
}

function checkUnsupported(c: Json, architecture: ModelArchitecture, bad: Bad): void {
  if (c.hidden_act !== undefined && c.hidden_act !== 'silu') bad('hidden_act', `is ${JSON.stringify(c.hidden_act)}; only "silu" is supported`, 'Use a model with SwiGLU (silu) MLPs.');
  const scaling = c.rope_scaling ?? (c.rope_parameters as Json | undefined);
  const ropeType = (scaling as Json | null | undefined)?.rope_type ?? (scaling as Json | null | undefined)?.type;
  if (scaling != null && ropeType !== undefined && ropeType !== 'default') {
    bad(c.rope_scaling != null ? 'rope_scaling' : 'rope_parameters', `uses rope type ${JSON.stringify(ropeType)}, which prompt-aug does not implement`, 'Only plain RoPE (rope_scaling null or {"rope_type": "default"}) is supported; use a model without RoPE scaling.');
  }
  // Qwen2's sliding window is off unless use_sliding_window is true; then attention differs per layer.
  if (architecture === 'qwen2' && c.use_sliding_window === true) bad('use_sliding_window', 'is true; sliding-window attention is not implemented', 'Set it to false (Qwen2.5 checkpoints ship with false) or use another model.');
  if (c.pretraining_tp !== undefined && c.pretraining_tp !== 1) bad('pretraining_tp', `is ${JSON.stringify(c.pretraining_tp)}`, 'Only 1 is supported; set it to 1 (it only changes how HF splits matmuls).');
}

function ropeTheta(c: Json, bad: Bad): number {
  const value = c.rope_theta ?? (c.rope_parameters as Json | undefined)?.rope_theta ?? 10000;
  if (typeof value !== 'number' || !(value > 0)) bad('rope_theta', `must be a positive number (got ${JSON.stringify(value)})`, 'Fix config.json.');
  return value as number;
}

function bool(c: Json, field: string, fallback: boolean, bad: Bad): boolean {
  const value = c[field] ?? fallback;
  if (typeof value !== 'boolean') bad(field, `must be true or false (got ${JSON.stringify(value)})`, 'Fix config.json.');
  return value as boolean;
}

function optionalId(c: Json, field: string, bad: Bad): number | null {
  const value = c[field];
  if (value == null) return null;
  if (!Number.isSafeInteger(value) || (value as number) < 0) bad(field, `must be a token id (got ${JSON.stringify(value)})`, 'Fix config.json.');
  return value as number;
}

export function tokenIdList(value: unknown, field: string, bad: Bad): number[] {
  if (value == null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((id) => Number.isSafeInteger(id) && id >= 0)) bad(field, `must be a token id or a list of ids (got ${JSON.stringify(value)})`, 'Fix the file.');
  return list as number[];
}

function torchDtype(c: Json, bad: Bad): TorchDtype {
  const value = c.torch_dtype ?? c.dtype ?? 'float32';
  if (value === 'float32' || value === 'bfloat16' || value === 'float16') return value;
  return bad('torch_dtype', `is ${JSON.stringify(value)}`, 'Use "float32", "bfloat16" or "float16".');
}
