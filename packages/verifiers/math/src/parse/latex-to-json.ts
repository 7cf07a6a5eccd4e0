import { ComputeEngine } from '@cortex-js/compute-engine';
import { maxDepth } from './scan.js';

/** MathJSON as produced by compute-engine's non-canonical parser (no evaluation happens there). */
export type Json = number | string | { num: string } | { sym: string } | { str: string } | Json[];

/** Larger inputs are compared as strings only: parsing them is not worth the budget. */
export const MAX_PARSE_LENGTH = 1500;
const MAX_PARSE_DEPTH = 40;
const CACHE_LIMIT = 4096;

let engine: ComputeEngine | undefined;

/** One shared engine: creating one costs ~100 ms, so it is made on first use and kept. */
export function computeEngine(): ComputeEngine {
  if (!engine) {
    engine = new ComputeEngine();
    // The parser loads its dictionaries lazily (multi-letter symbols cost ~50 ms the first
    // time): pay that once here, so no single check carries it.
    engine.parse('ab\\sin x+\\text{cm}', { form: 'raw' });
  }
  return engine;
}

const cache = new Map<string, Json | undefined>();

function hasError(node: Json): boolean {
  const stack: Json[] = [node];
  for (let steps = 0; stack.length > 0 && steps < 20_000; steps++) {
    const n = stack.pop()!;
    if (Array.isArray(n)) {
      if (n[0] === 'Error') return true;
      for (let k = 1; k < n.length; k++) stack.push(n[k]!);
    }
  }
  return stack.length > 0;
}

/**
 * Parse LaTeX to MathJSON without canonicalisation (so nothing is simplified or evaluated:
 * a power tower stays a tree). Returns undefined for oversized, too deep or unparseable input.
 */
export function latexToJson(latex: string): Json | undefined {
  if (latex.length === 0 || latex.length > MAX_PARSE_LENGTH || maxDepth(latex) > MAX_PARSE_DEPTH) return undefined;
  if (cache.has(latex)) return cache.get(latex);
  let json: Json | undefined;
  try {
    json = computeEngine().parse(latex, { form: 'raw' }).json as Json;
    if (hasError(json)) json = undefined;
  } catch {
    json = undefined;
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(latex, json);
  return json;
}
