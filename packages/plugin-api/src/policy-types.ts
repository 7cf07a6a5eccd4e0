/**
 * The Policy: what a backend plugin's `load()` returns. Token layouts follow the RL
 * convention: prompts left-padded, responses right-padded; masks are 1 for real tokens.
 */

export type Device = 'cpu' | 'wasm' | 'cuda' | 'tfjs-node' | (string & {});

export interface DeviceInfo {
  device: Device;
  /** Engine that serves it, e.g. "tfjs-backend-wasm (SIMD, 1 thread)" or "onnxruntime CPU EP". */
  engine: string;
  available: boolean;
  detail?: string;
}

export interface BackendCapabilities {
  generate: boolean;
  score: boolean;
  train: boolean;
}

export interface LoadOptions {
  /** A local Hugging Face model folder (config.json, safetensors, tokenizer files). */
  modelDir: string;
  device?: Device;
  /** Compute dtype; weights in F16/BF16 are widened to float32 unless the backend says otherwise. */
  dtype?: 'float32' | 'float16';
  /** Loss and optimizer for training backends (also settable later with `configure`). */
  loss?: Partial<LossConfig>;
  optimizer?: Partial<OptimizerConfig>;
  /** Backend-specific extras (threads, execution provider, …). */
  [extra: string]: unknown;
}

export interface ForwardInput {
  /** Left-padded token ids, [B][T]. */
  inputIds: number[][];
  /** 1 for real tokens, 0 for padding, [B][T]. */
  attentionMask: number[][];
}

export interface ForwardOutput {
  /** Row-major logits, length B*T*V. */
  logits: Float32Array;
  shape: [number, number, number];
}

export interface GenerateInput extends ForwardInput {
  maxNewTokens: number;
  /** 0 or undefined means greedy. */
  temperature?: number;
  topP?: number;
  /** 0 or undefined: no top-k filter. */
  topK?: number;
  /** Sampling seed (default 0); the same seed and batch give the same samples. */
  seed?: number;
  /**
   * One seed per row, used instead of `seed`: row b's samples then depend only on its prompt and
   * rowSeeds[b], not on the batch it is in (an eval's samples are equal for any batch size).
   */
  rowSeeds?: number[];
  eosTokenIds?: number[];
  /** Generation of a row stops once its decoded text contains one of these. */
  stopStrings?: string[];
  /**
   * Also return each generated token's log-prob and the entropy of its distribution, as
   * `logprobs` would score them (softmax of logits / temperature before top-k/top-p; temperature 1
   * when greedy). Optional for backends: one that cannot give these exact numbers leaves them out.
   */
  returnLogprobs?: boolean;
  /** Aborting it stops generation between tokens (the call rejects with the signal's reason). */
  signal?: AbortSignal;
}

export type FinishReason = 'eos' | 'length' | 'stop';

export interface GenerateOutput {
  /** New tokens per row, [B][maxNewTokens]; a finished row is filled with the pad id. */
  tokens: number[][];
  /** Number of real generated tokens per row (including the EOS token when it stopped on one). */
  lengths: number[];
  finishReasons: FinishReason[];
  /** With `returnLogprobs`, when the backend supports it: [B][maxNewTokens], 0 after each row's length. */
  logprobs?: number[][];
  /** With `returnLogprobs`: entropy of each generated position's distribution, laid out like `logprobs`. */
  entropy?: number[][];
  /** The weight version that generated these rows, when the engine tracks one (rollout servers: the synced folder's name). */
  weightVersion?: string;
}

export interface ScoreInput {
  /** Left-padded prompts [B][P] and their mask. */
  promptIds: number[][];
  promptMask: number[][];
  /** Right-padded responses [B][R] and their mask. */
  responseIds: number[][];
  responseMask: number[][];
  /** Logits are divided by this before the softmax (default 1). */
  temperature?: number;
}

export interface ScoreOutput {
  /** log p(response token), [B][R]; 0 at padded positions. */
  logprobs: number[][];
  /** −Σ p log p of the next-token distribution at each response position, [B][R]; 0 at padded positions. */
  entropy: number[][];
}

export type LossAggregation =
  | 'token-mean'
  | 'seq-mean-token-sum'
  | 'seq-mean-token-mean'
  | 'seq-mean-token-sum-norm';

export interface LossConfig {
  /** PPO clip range below 1 (ratio ≥ 1 − clipLow). */
  clipLow: number;
  /** PPO clip range above 1 (ratio ≤ 1 + clipHigh); clip-higher when > clipLow. */
  clipHigh: number;
  /** Dual clip constant c for negative advantages, or null to disable. */
  dualClip: number | null;
  aggregation: LossAggregation;
  /** KL to a frozen reference policy (0 = off, the paper's setting). */
  klCoef: number;
  klEstimator: 'low-var-kl' | 'k1' | 'k2';
  /** Entropy bonus coefficient (0 = off). */
  entropyCoef: number;
}

export interface OptimizerConfig {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  /** Global-norm gradient clipping; the update is skipped when the norm is not finite. */
  gradClip: number;
}

export interface TrainStepInput extends ScoreInput {
  /** Log-probs of the responses under the policy that generated them, [B][R]. */
  oldLogprobs: number[][];
  /** One scalar per sequence, broadcast over its response tokens. */
  advantages: number[];
  /** Reference-policy log-probs, required when klCoef > 0. */
  refLogprobs?: number[][];
  /** Sequences per micro-batch for gradient accumulation (default: all at once). */
  microBatchSize?: number;
  /**
   * Constant per-token multipliers of the policy-gradient term, [B][R] (default 1): importance
   * weights between the trainer and a separate rollout engine (TIS/MIS). No gradient flows through them.
   */
  tokenWeights?: number[][];
}

export interface TrainStepStats {
  loss: number;
  /** Fraction of response tokens where the upper or lower clip was active. */
  clipFrac: number;
  /** Fraction of response tokens where the dual (lower, negative-advantage) clip was active. */
  clipFracLower: number;
  /** k1 estimate of KL(old‖new): token mean of (old − new) log-probs over response tokens. */
  approxKl: number;
  /** Global gradient 2-norm before clipping. */
  gradNorm: number;
  /** Token-mean entropy of the current policy over response tokens. */
  entropy: number;
  /** False when the update was skipped (non-finite gradient norm). */
  applied: boolean;
}

export interface PolicyInfo {
  backend: string;
  device: Device;
  architecture: string;
  numParameters: number;
  vocabSize: number;
  padTokenId: number;
  eosTokenIds: number[];
}

export interface Policy {
  readonly info: PolicyInfo;
  forward(input: ForwardInput): Promise<ForwardOutput>;
  generate(input: GenerateInput): Promise<GenerateOutput>;
  logprobs(input: ScoreInput): Promise<ScoreOutput>;
  /** Present when the backend can train. */
  configure?(config: { loss?: Partial<LossConfig>; optimizer?: Partial<OptimizerConfig> }): void;
  trainStep?(input: TrainStepInput): Promise<TrainStepStats>;
  /** Write a Hugging Face model folder (plus optimizer state when training). */
  save?(dir: string): Promise<void>;
  /**
   * Replace the weights of a live policy (rollout engines synced from a trainer): a Hugging Face
   * folder, or the full state dict by HF name in PyTorch layout, float32. Serialised with other calls.
   */
  updateWeights?(source: string | Map<string, Float32Array>): Promise<void>;
  dispose(): Promise<void> | void;
}
