/**
 * Next-token choice from one row of logits: greedy, or temperature -> top-k -> top-p
 * (the order Hugging Face applies them) and a draw from a seeded generator.
 */
import type { SeededRandom } from '@prompt-aug/core';

export interface SamplingOptions {
  /** 0 = greedy. */
  temperature: number;
  /** 0 = no top-k filter. */
  topK: number;
  /** 1 = no nucleus filter. */
  topP: number;
}

/** Index of the largest logit; the lowest index wins ties. */
export function argmax(row: Float32Array): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

export function sampleToken(row: Float32Array, options: SamplingOptions, random: SeededRandom): number {
  if (!(options.temperature > 0)) return argmax(row);
  const max = row[argmax(row)]!;
  const weight = (i: number) => Math.exp((row[i]! - max) / options.temperature);
  let candidates = options.topK > 0 && options.topK < row.length ? topKIndices(row, options.topK) : null;
  if (options.topP < 1) candidates = nucleus(row.length, candidates, weight, options.topP);
  if (candidates === null) return drawFromAll(row.length, weight, random);
  const weights = candidates.map(weight);
  let u = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < candidates.length; i++) {
    u -= weights[i]!;
    if (u < 0) return candidates[i]!;
  }
  return candidates[candidates.length - 1]!;
}

/** Reused across calls: a fresh 150k-entry array per row per step would be ~1 MB of garbage each. */
let scratch = new Float64Array(0);

function drawFromAll(vocab: number, weight: (i: number) => number, random: SeededRandom): number {
  if (scratch.length < vocab) scratch = new Float64Array(vocab);
  const weights = scratch;
  let total = 0;
  for (let i = 0; i < vocab; i++) total += weights[i] = weight(i);
  let u = random.next() * total;
  for (let i = 0; i < vocab; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return vocab - 1;
}

/** The k largest logits, best first (lower index first among equals). */
export function topKIndices(row: Float32Array, k: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (kept.length === k && row[i]! <= row[kept[k - 1]!]!) continue;
    let at = kept.length;
    while (at > 0 && row[kept[at - 1]!]! < row[i]!) at--;
    kept.splice(at, 0, i);
    if (kept.length > k) kept.pop();
  }
  return kept;
}

/**
 * The smallest best-first prefix whose probability mass reaches topP. Without a top-k set,
 * it first gathers every token within a factor 2^-s of the best (s = 8, 16, ...) until that
 * set alone holds topP of the mass, so a 150k vocabulary is never fully sorted; the prefix
 * is exact because everything left out is less likely than everything kept.
 */
function nucleus(vocab: number, candidates: number[] | null, weight: (i: number) => number, topP: number): number[] {
  const size = candidates ? candidates.length : vocab;
  const ids = candidates ?? null;
  const weights = new Float64Array(size);
  let total = 0;
  for (let n = 0; n < size; n++) total += weights[n] = weight(ids ? ids[n]! : n);
  let chosen: number[] = [];
  for (let s = 8; ; s += 8) {
    const floor = ids || s > 1100 ? 0 : Math.pow(2, -s);
    chosen = [];
    let mass = 0;
    for (let n = 0; n < size; n++) {
      if (weights[n]! >= floor) {
        chosen.push(n);
        mass += weights[n]!;
      }
    }
    if (mass >= topP * total || floor === 0) break;
  }
  chosen.sort((a, b) => weights[b]! - weights[a]! || a - b);
  const kept: number[] = [];
  let mass = 0;
  for (const n of chosen) {
    kept.push(ids ? ids[n]! : n);
    mass += weights[n]!;
    if (mass >= topP * total) break;
  }
  return kept;
}
