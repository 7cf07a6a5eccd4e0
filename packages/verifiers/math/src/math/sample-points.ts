/**
 * Deterministic sample values for free variables: a variable's value depends only on its name
 * and the point index, so gold and candidate see the same assignment on every run.
 */
function hash(name: string, point: number): number {
  let h = 2166136261 ^ point;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** Positive values in [0.35, 2.35): avoids poles at 0 and 1 and the branch cuts of √ and log. */
export function sampleValue(name: string, point: number): number {
  return 0.35 + 2 * hash(name, point);
}

/**
 * Integer points for expressions with floor, factorials or binomials in a variable: every
 * integer 1..40 in turn (each variable starts at its own offset), so step functions that
 * differ at one perfect square are still told apart.
 */
export function sampleInteger(name: string, point: number): number {
  return 1 + ((point + Math.floor(40 * hash(name, 0))) % INTEGER_POINTS);
}

/** The same magnitudes with a negative sign, for expressions where the sign matters (|x|). */
export function sampleNegative(name: string, point: number): number {
  return -sampleValue(name, point);
}

export const SAMPLE_POINTS = 4;
export const INTEGER_POINTS = 40;
