import { ComputeEngine } from '@cortex-js/compute-engine';
import { parseDecimal, type Rational } from './rational.js';
import { maxDepth } from '../parse/scan.js';

const DIGITS = 50;
const MAX_LENGTH = 200;
let engine: ComputeEngine | undefined;

/** Made once per process, before any check's clock starts (see `warmUp`). */
export function highPrecisionEngine(): ComputeEngine {
  if (!engine) {
    engine = new ComputeEngine();
    engine.precision = DIGITS;
    engine.parse('\\sqrt{2}').N();
  }
  return engine;
}

/**
 * A constant expression (`\sqrt{17}`, `\frac{\pi}{3}`) to 50 significant digits, for golds
 * written with more digits than a double holds (`4.123105625617661`). Only small inputs
 * without towers or factorials are evaluated; undefined otherwise.
 */
export function highPrecisionValue(latex: string): Rational | undefined {
  if (latex.length > MAX_LENGTH || maxDepth(latex) > 8 || /\^\s*\{[^{}]*\^|!/.test(latex)) return undefined;
  try {
    const json = highPrecisionEngine().parse(latex).N().json as unknown;
    if (typeof json === 'number') return Number.isFinite(json) ? parseDecimal(String(json).replace('e+', 'e')) : undefined;
    if (json && typeof json === 'object' && 'num' in json) return parseDecimal(String(json.num));
    return undefined;
  } catch {
    return undefined;
  }
}
