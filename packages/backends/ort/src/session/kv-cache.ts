/**
 * KV caches that avoid copying keys and values between ORT and JavaScript.
 *
 * onnxruntime-node 1.30 copies every output it allocates into a new JS buffer, but writes
 * straight into outputs the caller preallocates (`session.run(feeds, fetches)` with Tensors
 * in `fetches`), and wraps input buffers without copying. So:
 * - `GrowingKvCache` (graphs whose present = concat(past, new)): two buffers per tensor sized
 *   for the whole generation; each step reads past from one and writes present into the
 *   other (ping-pong). The only copy left is the Concat inside the graph.
 * - `SharedKvCache` (GroupQueryAttention graphs): one buffer per tensor, [B, kvHeads,
 *   capacity, headDim], passed as both past and present; GQA then writes each new token in
 *   place (its past/present shared-buffer mode) and nothing is copied at all.
 */
import { Tensor } from 'onnxruntime-node';
import { IO } from '../onnx/decoder-config.js';

export interface KvGeometry {
  batch: number;
  numLayers: number;
  kvHeads: number;
  headDim: number;
  /** Longest sequence the cache must hold (prompt + new tokens). */
  capacity: number;
}

export interface KvCache {
  /** Number of positions the cache holds before this step. */
  readonly length: number;
  /** past_key_values.* feeds for the next step. */
  pastFeeds(): Record<string, Tensor>;
  /** Preallocated present.* outputs for a step that adds `newTokens` positions. */
  presentFetches(newTokens: number): Record<string, Tensor>;
  /** Record that the step ran. */
  advance(newTokens: number): void;
}

function layerNames(numLayers: number): { past: string; present: string }[] {
  const names: { past: string; present: string }[] = [];
  for (let i = 0; i < numLayers; i++) {
    names.push({ past: IO.pastKey(i), present: IO.presentKey(i) });
    names.push({ past: IO.pastValue(i), present: IO.presentValue(i) });
  }
  return names;
}

export class GrowingKvCache implements KvCache {
  length = 0;
  // Allocated on first use: a single prefill (forward, logprobs) never needs the second one.
  private readonly buffers: [Float32Array[] | null, Float32Array[] | null] = [null, null];
  private current = 0;
  private readonly names: { past: string; present: string }[];

  constructor(private readonly geometry: KvGeometry) {
    this.names = layerNames(geometry.numLayers);
  }

  private side(index: number): Float32Array[] {
    const { batch, kvHeads, capacity, headDim } = this.geometry;
    return (this.buffers[index] ??= this.names.map(() => new Float32Array(batch * kvHeads * capacity * headDim)));
  }

  private view(buffer: Float32Array | null, positions: number): Tensor {
    const { batch, kvHeads, headDim } = this.geometry;
    const size = batch * kvHeads * positions * headDim;
    return new Tensor('float32', buffer ? buffer.subarray(0, size) : new Float32Array(0), [batch, kvHeads, positions, headDim]);
  }

  pastFeeds(): Record<string, Tensor> {
    const feeds: Record<string, Tensor> = {};
    const past = this.length > 0 ? this.side(this.current) : null;
    this.names.forEach((n, i) => (feeds[n.past] = this.view(past ? past[i]! : null, this.length)));
    return feeds;
  }

  presentFetches(newTokens: number): Record<string, Tensor> {
    const fetches: Record<string, Tensor> = {};
    const next = this.side(1 - this.current);
    this.names.forEach((n, i) => (fetches[n.present] = this.view(next[i]!, this.length + newTokens)));
    return fetches;
  }

  advance(newTokens: number): void {
    this.current = 1 - this.current;
    this.length += newTokens;
  }
}

export class SharedKvCache implements KvCache {
  length = 0;
  private readonly tensors: Tensor[];
  private readonly names: { past: string; present: string }[];

  constructor(geometry: KvGeometry) {
    const { batch, kvHeads, capacity, headDim } = geometry;
    this.names = layerNames(geometry.numLayers);
    this.tensors = this.names.map(() => new Tensor('float32', new Float32Array(batch * kvHeads * capacity * headDim), [batch, kvHeads, capacity, headDim]));
  }

  pastFeeds(): Record<string, Tensor> {
    return Object.fromEntries(this.names.map((n, i) => [n.past, this.tensors[i]!]));
  }

  presentFetches(): Record<string, Tensor> {
    return Object.fromEntries(this.names.map((n, i) => [n.present, this.tensors[i]!]));
  }

  advance(newTokens: number): void {
    this.length += newTokens;
  }
}
