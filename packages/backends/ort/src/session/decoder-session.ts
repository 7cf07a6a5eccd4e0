/**
 * One ORT session over a decoder graph, driven step by step: feeds ids, mask, positions
 * and the cache; returns the kept logits. Knows which optional inputs the graph has.
 */
import { InferenceSession, type Tensor } from 'onnxruntime-node';
import { IO } from '../onnx/decoder-config.js';
import { GrowingKvCache, SharedKvCache, type KvCache } from './kv-cache.js';
import type { DecoderLayout } from './decoder-layout.js';
import { boolScalar, float32Of, int64Matrix, int64Scalar } from './tensors.js';

export interface DecoderStep {
  /** [B][S] token ids of this step. */
  inputIds: number[][];
  /** [B][T] mask over cache + this step. */
  attentionMask: number[][];
  /** [B][S] rotary positions of this step's tokens. */
  positionIds: number[][];
  /** Logits wanted for the last `keep` positions; 0 = all. */
  keep: number;
}

export interface StepLogits {
  data: Float32Array;
  /** [B, kept positions, V] */
  dims: [number, number, number];
}

export class DecoderSession {
  constructor(
    readonly session: InferenceSession,
    readonly layout: DecoderLayout,
    /** Weights fed as graph inputs on every run (a decoder that reads live training tensors). */
    private readonly weightFeeds?: () => Record<string, Tensor>,
  ) {}

  newCache(batch: number, capacity: number): KvCache {
    const geometry = { batch, capacity, numLayers: this.layout.numLayers, kvHeads: this.layout.kvHeads, headDim: this.layout.headDim };
    return this.layout.padding === 'right' ? new SharedKvCache(geometry) : new GrowingKvCache(geometry);
  }

  async step(input: DecoderStep, cache: KvCache): Promise<StepLogits> {
    const newTokens = input.inputIds[0]?.length ?? 0;
    const feeds: Record<string, Tensor> = {
      [IO.inputIds]: int64Matrix(input.inputIds),
      [IO.attentionMask]: int64Matrix(input.attentionMask),
      ...cache.pastFeeds(),
      ...this.weightFeeds?.(),
    };
    if (this.layout.hasPositionIds) feeds[IO.positionIds] = int64Matrix(input.positionIds);
    if (this.layout.hasLogitsToKeep) feeds[IO.logitsToKeep] = int64Scalar(input.keep);
    if (this.layout.hasUseCacheBranch) feeds['use_cache_branch'] = boolScalar(cache.length > 0);
    const fetches: Record<string, Tensor | null> = { [IO.logits]: null, ...cache.presentFetches(newTokens) };
    const outputs = await this.session.run(feeds, fetches);
    cache.advance(newTokens);
    const logits = outputs[IO.logits]!;
    const [b, s, v] = logits.dims as [number, number, number];
    const data = float32Of(logits);
    // Graphs without num_logits_to_keep return every position; keep the tail ourselves.
    if (!this.layout.hasLogitsToKeep && input.keep > 0 && input.keep < s) {
      return { data: keepLastPositions(data, b, s, v, input.keep), dims: [b, input.keep, v] };
    }
    return { data, dims: [b, s, v] };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function keepLastPositions(data: Float32Array, b: number, s: number, v: number, keep: number): Float32Array {
  const out = new Float32Array(b * keep * v);
  for (let r = 0; r < b; r++) out.set(data.subarray((r * s + s - keep) * v, (r * s + s) * v), r * keep * v);
  return out;
}
