/**
 * Next-token choice from one row of logits, with Hugging Face's warper semantics:
 * temperature, then top-k (keep tokens ≥ the k-th largest logit), then top-p (keep the
 * smallest set of most likely tokens whose mass reaches p: a token stays when the mass
 * strictly before it, in descending order, is < p). Greedy (temperature 0) is argmax with
 * the first index winning ties, like torch.argmax.
 */
import type { SeededRandom } from '@prompt-aug/core';

export interface SamplingOptions {
  temperature: number;
  topK?: number;
  topP?: number;
}

export function argmax(logits: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  return best;
}

/** The filtered, renormalised distribution as parallel arrays, most likely token first. */
export function samplingDistribution(logits: ArrayLike<number>, options: SamplingOptions): { ids: number[]; probs: number[] } {
  const V = logits.length;
  const z = Float64Array.from(logits, (x) => x / options.temperature);
  const topK = options.topK ?? 0;
  if (topK > 0 && topK < V) {
    const kth = Float64Array.from(z).sort()[V - topK]!;
    for (let i = 0; i < V; i++) if (z[i]! < kth) z[i] = -Infinity;
  }
  let max = -Infinity;
  for (const x of z) max = Math.max(max, x);
  const p = z.map((x) => Math.exp(x - max));
  const total = p.reduce((a, b) => a + b, 0);
  for (let i = 0; i < V; i++) p[i] = p[i]! / total;
  const topP = options.topP ?? 1;
  // Tokens below (1 − p)/V carry < 1 − p mass in total, so they can never be inside the
  // nucleus: skipping them before the sort is exact and avoids sorting a 150k vocabulary.
  const floor = topP < 1 ? (1 - topP) / V : 0;
  const ids: number[] = [];
  for (let i = 0; i < V; i++) if (p[i]! > 0 && p[i]! >= floor) ids.push(i);
  ids.sort((a, b) => p[b]! - p[a]! || a - b);
  let kept = ids.length;
  if (topP < 1) {
    let before = 0;
    for (let j = 0; j < ids.length; j++) {
      if (before >= topP) {
        kept = j;
        break;
      }
      before += p[ids[j]!]!;
    }
  }
  const keptIds = ids.slice(0, Math.max(kept, 1));
  const mass = keptIds.reduce((a, i) => a + p[i]!, 0);
  return { ids: keptIds, probs: keptIds.map((i) => p[i]! / mass) };
}

export function sampleToken(logits: ArrayLike<number>, options: SamplingOptions, rng: SeededRandom): number {
  if (options.temperature <= 0) return argmax(logits);
  const { ids, probs } = samplingDistribution(logits, options);
  const u = rng.next();
  let acc = 0;
  for (let j = 0; j < ids.length; j++) {
    acc += probs[j]!;
    if (u < acc) return ids[j]!;
  }
  return ids[ids.length - 1]!;
}
