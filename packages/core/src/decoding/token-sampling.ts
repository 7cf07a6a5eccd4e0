/**
 * Next-token choice from one row of logits, shared by every backend so that equal logits give
 * equal tokens whichever engine produced them: greedy (argmax, lowest index on ties), or
 * temperature -> top-k -> top-p (the order Hugging Face's warpers apply them) and one draw from
 * a seeded generator. Unfiltered draws walk the vocabulary in index order, so a 150k vocabulary
 * is never sorted.
 */
import { tokenLogprob } from './token-logprob.js';
import { UserError } from '../util/user-error.js';
import type { SeededRandom } from '../util/random.js';

export interface SamplingSettings {
  /** 0 = greedy. */
  temperature: number;
  /** 0 = no top-k filter. */
  topK: number;
  /** 1 = no nucleus filter. */
  topP: number;
}

/** A generate call's sampling settings with their defaults, refused when out of range. */
export function samplingSettings(input: { temperature?: number; topK?: number; topP?: number }): SamplingSettings {
  const temperature = input.temperature ?? 0;
  const topP = input.topP ?? 1;
  const topK = input.topK ?? 0;
  if (!(temperature >= 0) || !(topP > 0 && topP <= 1) || !(Number.isInteger(topK) && topK >= 0)) {
    throw new UserError(
      `Invalid sampling settings (temperature ${temperature}, topP ${topP}, topK ${topK}): temperature must be >= 0 (0 = greedy), topP in (0, 1], topK a whole number >= 0 (0 = off).`,
      'PA_BAD_SAMPLING',
    );
  }
  return { temperature, topP, topK };
}

/** Index of the largest logit; the lowest index wins ties (like torch.argmax). */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

/** The token id returned when the logits are not finite numbers (a diverged model): never a valid id. */
export const NO_TOKEN = -1;

export function sampleToken(row: ArrayLike<number>, settings: SamplingSettings, random: SeededRandom): number {
  if (!(settings.temperature > 0)) {
    const best = argmax(row);
    return Number.isFinite(row[best]) ? best : NO_TOKEN;
  }
  if (isUnfiltered(row, settings)) return drawInIndexOrder(row, settings.temperature, random).token;
  const weight = weightOf(row, settings.temperature);
  const ids = filteredIds(row, settings, weight)!;
  return drawFrom(ids, ids.map(weight), random);
}

/** The filtered, renormalised distribution a draw picks from, most likely token first. */
export function samplingDistribution(row: ArrayLike<number>, settings: SamplingSettings): { ids: number[]; probs: number[] } {
  if (!(settings.temperature > 0)) return { ids: [argmax(row)], probs: [1] };
  const weight = weightOf(row, settings.temperature);
  const ids = filteredIds(row, settings, weight) ?? byWeight(row.length, weight);
  const weights = ids.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  return { ids, probs: weights.map((w) => w / total) };
}

export interface ScoredToken {
  token: number;
  /** log softmax(row / scoreTemperature)[token], unfiltered (what `logprobs` scores). */
  logprob: number;
  /** Entropy of softmax(row / scoreTemperature). */
  entropy: number;
}

/**
 * sampleToken plus the token's log-prob and the entropy under softmax(row / scoreTemperature).
 * When the draw itself is unfiltered at that temperature (the RL rollout case) the same pass over
 * the vocabulary serves both, and the token is the one sampleToken would draw.
 */
export function sampleScoredToken(row: ArrayLike<number>, settings: SamplingSettings, random: SeededRandom, scoreTemperature: number): ScoredToken {
  if (!(settings.temperature > 0) || !isUnfiltered(row, settings) || settings.temperature !== scoreTemperature) {
    const token = sampleToken(row, settings, random);
    return token === NO_TOKEN ? { token, logprob: Number.NaN, entropy: Number.NaN } : { token, ...tokenLogprob(row, token, scoreTemperature) };
  }
  const draw = drawInIndexOrder(row, scoreTemperature, random);
  // With z = (x − max) / T: log Z = log Σ e^z and entropy = log Z − E_p[z].
  const logTotal = Math.log(draw.total);
  return { token: draw.token, logprob: (row[draw.token]! - draw.max) / scoreTemperature - logTotal, entropy: logTotal - draw.weightedZ / draw.total };
}

/** The k largest logits, best first (lower index first among equals). */
export function topKIndices(row: ArrayLike<number>, k: number): number[] {
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

type Weight = (i: number) => number;

/** e^((x − max) / T): the unnormalised probability, 1 for the best token. */
function weightOf(row: ArrayLike<number>, temperature: number): Weight {
  const max = row[argmax(row)]!;
  return (i) => Math.exp((row[i]! - max) / temperature);
}

/** Every id, most likely first (lower index first among equals); each weight computed once. */
function byWeight(vocab: number, weight: Weight): number[] {
  const weights = Float64Array.from({ length: vocab }, (_, i) => weight(i));
  return Array.from({ length: vocab }, (_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
}

function isUnfiltered(row: ArrayLike<number>, settings: SamplingSettings): boolean {
  return (settings.topK === 0 || settings.topK >= row.length) && settings.topP >= 1;
}

/** Candidate ids best first after top-k and top-p, or null when neither filters anything. */
function filteredIds(row: ArrayLike<number>, settings: SamplingSettings, weight: Weight): number[] | null {
  let ids = settings.topK > 0 && settings.topK < row.length ? topKIndices(row, settings.topK) : null;
  if (settings.topP < 1) ids = nucleus(row.length, ids, weight, settings.topP);
  return ids;
}

function drawFrom(ids: number[], weights: number[], random: SeededRandom): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0 && Number.isFinite(total))) return NO_TOKEN;
  let u = random.next() * total;
  for (let i = 0; i < ids.length; i++) {
    u -= weights[i]!;
    if (u < 0) return ids[i]!;
  }
  return ids[ids.length - 1]!;
}

/** Reused across calls: a fresh 150k-entry array per row per step would be ~1 MB of garbage each. */
let scratch = new Float64Array(0);

/** One draw over the whole vocabulary in index order; also Σw and Σw·z (w = e^z, z = (x − max) / T) for scoring. */
function drawInIndexOrder(row: ArrayLike<number>, temperature: number, random: SeededRandom): { token: number; max: number; total: number; weightedZ: number } {
  const vocab = row.length;
  if (scratch.length < vocab) scratch = new Float64Array(vocab);
  const weights = scratch;
  const max = row[argmax(row)]!;
  let total = 0;
  let weightedZ = 0;
  for (let i = 0; i < vocab; i++) {
    const z = (row[i]! - max) / temperature;
    const w = (weights[i] = Math.exp(z));
    total += w;
    if (w > 0) weightedZ += w * z; // a −∞ logit adds nothing (0·−∞ would be NaN)
  }
  if (!Number.isFinite(total)) return { token: NO_TOKEN, max, total, weightedZ };
  let u = random.next() * total;
  for (let i = 0; i < vocab; i++) {
    u -= weights[i]!;
    if (u < 0) return { token: i, max, total, weightedZ };
  }
  return { token: vocab - 1, max, total, weightedZ };
}

/**
 * The smallest best-first prefix whose probability mass reaches topP. Without a top-k set,
 * it first gathers every token within a factor 2^-s of the best (s = 8, 16, ...) until that
 * set alone holds topP of the mass, so a 150k vocabulary is never fully sorted; the prefix
 * is exact because everything left out is less likely than everything kept.
 */
function nucleus(vocab: number, candidates: number[] | null, weight: Weight, topP: number): number[] {
  const size = candidates ? candidates.length : vocab;
  const weights = new Float64Array(size);
  let total = 0;
  for (let n = 0; n < size; n++) total += weights[n] = weight(candidates ? candidates[n]! : n);
  let chosen: number[] = [];
  for (let s = 8; ; s += 8) {
    const floor = candidates || s > 1100 ? 0 : Math.pow(2, -s);
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
    kept.push(candidates ? candidates[n]! : n);
    mass += weights[n]!;
    if (mass >= topP * total) break;
  }
  return kept;
}
