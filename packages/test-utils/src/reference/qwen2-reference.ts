/**
 * An independent float64 implementation of Hugging Face `Qwen2ForCausalLM` /
 * `LlamaForCausalLM` (eager attention), written in plain TypeScript loops straight from the
 * transformers source, for backends to test against. Weights are read in checkpoint layout
 * (Linear = [out, in]); nothing here shares code with any backend.
 */
/** The config fields the reference reads: a structural subset of core's ModelConfig, declared here so nothing is shared. */
export interface ReferenceModelConfig {
  vocabSize: number;
  hiddenSize: number;
  numHiddenLayers: number;
  numAttentionHeads: number;
  numKeyValueHeads: number;
  headDim: number;
  rmsNormEps: number;
  ropeTheta: number;
  tieWordEmbeddings: boolean;
}

/** A checkpoint tensor in its row-major layout (core's NamedTensor has the same shape). */
export interface ReferenceTensor {
  shape: number[];
  data: Float32Array;
}

type ModelConfig = ReferenceModelConfig;
type NamedTensor = ReferenceTensor;

type Weights = Map<string, NamedTensor>;

function weight(weights: Weights, name: string): NamedTensor {
  const t = weights.get(name);
  if (!t) throw new Error(`reference: missing weight ${name}`);
  return t;
}

/** y[o] = Σ_i W[o][i]·x[i] + b[o], W in [out, in] layout. */
function linearRef(x: Float64Array, w: NamedTensor, b?: NamedTensor): Float64Array {
  const [outDim, inDim] = w.shape as [number, number];
  const y = new Float64Array(outDim);
  for (let o = 0; o < outDim; o++) {
    let acc = b ? b.data[o]! : 0;
    const row = o * inDim;
    for (let i = 0; i < inDim; i++) acc += w.data[row + i]! * x[i]!;
    y[o] = acc;
  }
  return y;
}

function rmsNormRef(x: Float64Array, w: NamedTensor, eps: number): Float64Array {
  let ss = 0;
  for (const v of x) ss += v * v;
  const inv = 1 / Math.sqrt(ss / x.length + eps);
  return x.map((v, i) => v * inv * w.data[i]!);
}

/** rotate_half convention on one head vector at integer position `pos`. */
function ropeRef(x: Float64Array, pos: number, theta: number): Float64Array {
  const d = x.length;
  const half = d / 2;
  const out = new Float64Array(d);
  for (let i = 0; i < half; i++) {
    const angle = pos / Math.pow(theta, (2 * i) / d);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    out[i] = x[i]! * c - x[i + half]! * s;
    out[i + half] = x[i + half]! * c + x[i]! * s;
  }
  return out;
}

/** positions = cumsum(mask) − 1, clamped at 0 (pads take position 0). */
export function referencePositions(mask: number[]): number[] {
  let seen = 0;
  return mask.map((m) => {
    seen += m;
    return Math.max(seen - 1, 0);
  });
}

function forwardRow(config: ModelConfig, weights: Weights, ids: number[], mask: number[]): Float64Array[] {
  const H = config.hiddenSize;
  const d = config.headDim;
  const nH = config.numAttentionHeads;
  const nKV = config.numKeyValueHeads;
  const T = ids.length;
  const positions = referencePositions(mask);
  const embed = weight(weights, 'model.embed_tokens.weight');
  let hs = ids.map((id) => Float64Array.from(embed.data.subarray(id * H, (id + 1) * H)));
  for (let l = 0; l < config.numHiddenLayers; l++) {
    const p = `model.layers.${l}`;
    // Biases are present exactly when the config asks for them (q/k/v, o_proj, mlp).
    const b = (n: string) => weights.get(`${p}.self_attn.${n}_proj.bias`);
    const mb = (n: string) => weights.get(`${p}.mlp.${n}_proj.bias`);
    const normed = hs.map((h) => rmsNormRef(h, weight(weights, `${p}.input_layernorm.weight`), config.rmsNormEps));
    const qs = normed.map((x) => linearRef(x, weight(weights, `${p}.self_attn.q_proj.weight`), b('q')));
    const ks = normed.map((x) => linearRef(x, weight(weights, `${p}.self_attn.k_proj.weight`), b('k')));
    const vs = normed.map((x) => linearRef(x, weight(weights, `${p}.self_attn.v_proj.weight`), b('v')));
    const head = (v: Float64Array, h: number) => v.subarray(h * d, (h + 1) * d);
    const attnOut = hs.map(() => new Float64Array(nH * d));
    for (let h = 0; h < nH; h++) {
      const kvh = Math.floor(h / (nH / nKV)); // repeat_kv
      const qh = qs.map((q, t) => ropeRef(head(q, h), positions[t]!, config.ropeTheta));
      const kh = ks.map((k, t) => ropeRef(head(k, kvh), positions[t]!, config.ropeTheta));
      for (let t = 0; t < T; t++) {
        const visible: number[] = [];
        for (let s = 0; s <= t; s++) if (mask[s] === 1) visible.push(s);
        // A pad query sees no key; HF's min-float mask then gives a uniform row over all keys.
        const keys = visible.length > 0 ? visible : [...Array(T).keys()];
        const scores = keys.map((s) => {
          let acc = 0;
          for (let i = 0; i < d; i++) acc += qh[t]![i]! * kh[s]![i]!;
          return visible.length > 0 ? acc / Math.sqrt(d) : 0;
        });
        const max = Math.max(...scores);
        const exps = scores.map((x) => Math.exp(x - max));
        const z = exps.reduce((a, e) => a + e, 0);
        for (let j = 0; j < keys.length; j++) {
          const vrow = head(vs[keys[j]!]!, kvh);
          for (let i = 0; i < d; i++) attnOut[t]![h * d + i]! += (exps[j]! / z) * vrow[i]!;
        }
      }
    }
    hs = hs.map((h, t) => {
      const o = linearRef(attnOut[t]!, weight(weights, `${p}.self_attn.o_proj.weight`), b('o'));
      const r = h.map((v, i) => v + o[i]!);
      const x = rmsNormRef(r, weight(weights, `${p}.post_attention_layernorm.weight`), config.rmsNormEps);
      const gate = linearRef(x, weight(weights, `${p}.mlp.gate_proj.weight`), mb('gate'));
      const up = linearRef(x, weight(weights, `${p}.mlp.up_proj.weight`), mb('up'));
      const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * up[i]!);
      const down = linearRef(act, weight(weights, `${p}.mlp.down_proj.weight`), mb('down'));
      return r.map((v, i) => v + down[i]!);
    });
  }
  const head = config.tieWordEmbeddings ? embed : weight(weights, 'lm_head.weight');
  return hs.map((h) => linearRef(rmsNormRef(h, weight(weights, 'model.norm.weight'), config.rmsNormEps), head));
}

/** Logits of a left-padded batch, [B, T, V] row-major. */
export function referenceForward(
  config: ModelConfig,
  weights: Weights,
  inputIds: number[][],
  attentionMask: number[][],
): { logits: Float64Array; shape: [number, number, number] } {
  const B = inputIds.length;
  const T = inputIds[0]?.length ?? 0;
  const V = config.vocabSize;
  const logits = new Float64Array(B * T * V);
  inputIds.forEach((ids, b) => {
    forwardRow(config, weights, ids, attentionMask[b]!).forEach((row, t) => logits.set(row, (b * T + t) * V));
  });
  return { logits, shape: [B, T, V] };
}

/** log-softmax of logits/temperature: the log-prob of `target` and the entropy −Σ p log p. */
export function referenceTokenLogprob(logits: ArrayLike<number>, target: number, temperature: number) {
  const z = Array.from(logits, (x) => x / temperature);
  const max = Math.max(...z);
  const lse = max + Math.log(z.reduce((a, x) => a + Math.exp(x - max), 0));
  let entropy = 0;
  for (const x of z) entropy -= Math.exp(x - lse) * (x - lse);
  return { logprob: z[target]! - lse, entropy };
}

/** RL layout (prompts left-padded, responses right-padded): per response token log-prob and entropy. */
export function referenceLogprobs(
  config: ModelConfig,
  weights: Weights,
  promptIds: number[][],
  promptMask: number[][],
  responseIds: number[][],
  responseMask: number[][],
  temperature = 1,
): { logprobs: number[][]; entropy: number[][] } {
  const V = config.vocabSize;
  const P = promptIds[0]?.length ?? 0;
  const ids = promptIds.map((p, b) => [...p, ...responseIds[b]!]);
  const mask = promptMask.map((p, b) => [...p, ...responseMask[b]!]);
  const { logits, shape } = referenceForward(config, weights, ids, mask);
  const T = shape[1];
  const logprobs: number[][] = [];
  const entropy: number[][] = [];
  responseIds.forEach((resp, b) => {
    const lp: number[] = [];
    const en: number[] = [];
    resp.forEach((token, j) => {
      if (responseMask[b]![j] !== 1) {
        lp.push(0);
        en.push(0);
        return;
      }
      const at = (b * T + P - 1 + j) * V;
      const r = referenceTokenLogprob(logits.subarray(at, at + V), token, temperature);
      lp.push(r.logprob);
      en.push(r.entropy);
    });
    logprobs.push(lp);
    entropy.push(en);
  });
  return { logprobs, entropy };
}
