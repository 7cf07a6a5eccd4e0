import { computeEngine } from '../parse/latex-to-json.js';
import { maxDepth } from '../parse/scan.js';

const MAX_LENGTH = 300;

/**
 * Last resort for expressions our evaluator does not model (sums, integrals): compute-engine's
 * canonical forms are structurally the same (it sorts commutative operands). Only small,
 * power-tower-free inputs get here, so canonicalisation stays cheap.
 */
export function canonicalSame(a: string, b: string): boolean {
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return false;
  // Power towers and factorials are where canonicalisation can blow up: leave them out.
  const risky = (s: string) => maxDepth(s) > 12 || /\^\s*\{[^{}]*\^/.test(s) || s.includes('!');
  if (risky(a) || risky(b)) return false;
  try {
    const x = computeEngine().parse(a);
    const y = computeEngine().parse(b);
    return x.isValid && y.isValid && x.isSame(y);
  } catch {
    return false;
  }
}
