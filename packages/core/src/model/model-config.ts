/**
 * The decoder-only architectures prompt-aug runs (Qwen2 and Llama share one layout:
 * RMSNorm, rotary attention with grouped KV heads, SwiGLU MLP), read from an HF `config.json`.
 */
export type ModelArchitecture = 'qwen2' | 'llama';

export type TorchDtype = 'float32' | 'bfloat16' | 'float16';

export interface ModelConfig {
  architecture: ModelArchitecture;
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  numHiddenLayers: number;
  numAttentionHeads: number;
  numKeyValueHeads: number;
  /** Per-head width; HF default hidden_size / num_attention_heads. */
  headDim: number;
  maxPositionEmbeddings: number;
  rmsNormEps: number;
  ropeTheta: number;
  /** Always "silu" (anything else is refused when parsing). */
  hiddenAct?: 'silu';
  /** lm_head shares the embedding matrix (no `lm_head.weight` in the checkpoint). */
  tieWordEmbeddings: boolean;
  /** q/k/v projections have biases (always for Qwen2; `attention_bias` for Llama). */
  attentionBias: boolean;
  /**
   * o_proj has a bias: HF Llama applies `attention_bias` to o_proj too; Qwen2 never has one.
   * Optional so hand-built configs may omit it (absent = false); parseModelConfig always sets it.
   */
  attentionOutputBias?: boolean;
  /** gate/up/down projections have biases (Llama `mlp_bias`); absent = false. */
  mlpBias?: boolean;
  initializerRange?: number;
  bosTokenId: number | null;
  /** Every id that ends generation (`eos_token_id` may be a number or a list). */
  eosTokenIds: number[];
  padTokenId: number | null;
  /** The dtype the checkpoint was saved in (`torch_dtype`): one of TorchDtype once parsed. */
  torchDtype: string;
  /** config.json exactly as read; modelConfigToJson keeps its other fields. */
  raw: Record<string, unknown>;
}

export const ARCHITECTURE_CLASS: Record<ModelArchitecture, string> = {
  qwen2: 'Qwen2ForCausalLM',
  llama: 'LlamaForCausalLM',
};

/**
 * Serialize to a `config.json` that HF transformers (and vLLM) load as the same model. Fields of
 * `raw` this type does not model (transformers_version, use_mrope, ...) are kept; modelled ones win.
 */
export function modelConfigToJson(config: ModelConfig): Record<string, unknown> {
  const raw = config.raw ?? {};
  const json: Record<string, unknown> = {
    ...raw,
    architectures: [ARCHITECTURE_CLASS[config.architecture]],
    model_type: config.architecture,
    vocab_size: config.vocabSize,
    hidden_size: config.hiddenSize,
    intermediate_size: config.intermediateSize,
    num_hidden_layers: config.numHiddenLayers,
    num_attention_heads: config.numAttentionHeads,
    num_key_value_heads: config.numKeyValueHeads,
    head_dim: config.headDim,
    max_position_embeddings: config.maxPositionEmbeddings,
    rms_norm_eps: config.rmsNormEps,
    rope_theta: config.ropeTheta,
    rope_scaling: null,
    hidden_act: 'silu',
    tie_word_embeddings: config.tieWordEmbeddings,
    initializer_range: config.initializerRange ?? 0.02,
    attention_dropout: 0,
    bos_token_id: config.bosTokenId,
    eos_token_id: config.eosTokenIds.length === 1 ? config.eosTokenIds[0] : config.eosTokenIds,
    torch_dtype: config.torchDtype,
    use_cache: true,
  };
  if ('dtype' in raw) json.dtype = config.torchDtype; // transformers v5 spelling
  delete json.rope_parameters; // rope_theta above says it all (only default RoPE is accepted)
  if (config.padTokenId !== null) json.pad_token_id = config.padTokenId;
  else delete json.pad_token_id;
  if (config.architecture === 'qwen2') {
    // The window settings only matter when use_sliding_window is true, which parsing refuses.
    Object.assign(json, { use_sliding_window: false, sliding_window: raw.sliding_window ?? null, max_window_layers: raw.max_window_layers ?? config.numHiddenLayers });
  } else {
    Object.assign(json, { attention_bias: config.attentionBias, mlp_bias: config.mlpBias ?? false, pretraining_tp: 1 });
  }
  return json;
}
