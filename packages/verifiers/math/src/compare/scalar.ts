import type { Budget } from '../budget.js';
import { latexToJson, type Json } from '../parse/latex-to-json.js';
import { parseNumberLiteral } from '../parse/number-literal.js';
import { exactValue } from '../math/exact-eval.js';
import { hasFreeSymbol, numericValue, usesIntegerFunctions, usesSignSensitive } from '../math/numeric-eval.js';
import { highPrecisionValue } from '../math/high-precision.js';
import { INTEGER_POINTS, SAMPLE_POINTS, sampleInteger, sampleNegative, sampleValue } from '../math/sample-points.js';
import { c, cabs, csub, isFinite, type Complex } from '../math/complex.js';
import { div, eq, rat, sub, toNumber, type Rational } from '../math/rational.js';

/**
 * Tolerances. Exact forms (integers, fractions, radicals, π…) compare exactly (BigInt) or, when
 * symbolic, with a relative tolerance that only absorbs floating-point noise. A decimal
 * literal is read as "correct to its last written digit":
 *  - gold `24.310` accepts `24.3104` (rounds to it) but not `24.311` or `24.3`;
 *  - gold `7.78` (3+ significant digits) accepts an exact `70/9` or a constant such as
 *    `\sqrt{2}` (for `1.41`) that rounds to it;
 *  - a decimal candidate for an exact gold must round correctly AND be within 1e-6 relative
 *    (about 7 significant digits), so `3.14159` matches π but `3.14`, `3.1416` (and `6.28`
 *    for 2π) do not: an approximation is not the exact answer that was asked for.
 * Expressions that merely contain decimals compare with `INEXACT_REL_TOL`.
 */
export const EXACT_REL_TOL = 1e-9;
export const INEXACT_REL_TOL = 1e-6;
export const DECIMAL_CANDIDATE_REL_TOL = 1e-6;
const MIN_GOLD_SIG_DIGITS = 3;

export interface Scalar {
  latex: string;
  percent: boolean;
}

interface Value {
  exact?: Rational;
  json?: Json;
  inexact: boolean;
  /** Decimal places when the whole value is one decimal literal (`24.310` -> 3). */
  places?: number;
  sigDigits?: number;
}

function hasDecimalLiteral(node: Json): boolean {
  const stack: Json[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'number' && !Number.isInteger(n)) return true;
    if (typeof n === 'object' && !Array.isArray(n) && 'num' in n && /\.\d*[1-9]/.test(n.num)) return true;
    if (Array.isArray(n)) for (let k = 1; k < n.length; k++) stack.push(n[k]!);
  }
  return false;
}

function valueOf(latex: string, budget: Budget): Value | undefined {
  const literal = parseNumberLiteral(latex);
  if (literal) {
    const m = /^[+-]?(\d*)\.(\d+)$/.exec(latex.trim().replace(/,/g, ''));
    if (!m) return { exact: literal.value, inexact: literal.inexact };
    const sigDigits = (m[1]! + m[2]!).replace(/^0+/, '').length;
    return { exact: literal.value, inexact: true, places: m[2]!.length, sigDigits };
  }
  const json = latexToJson(latex);
  if (json === undefined) return undefined;
  return { exact: exactValue(json, budget), json, inexact: hasDecimalLiteral(json) };
}

function close(a: Complex, b: Complex, tol: number): boolean {
  const scale = Math.max(cabs(a), cabs(b));
  // Beyond the range of doubles (1.07 \times 10^{2567}) Infinity <= tol * Infinity would hold:
  // such values are only equal exactly (the BigInt comparison before this).
  if (!Number.isFinite(scale)) return false;
  return cabs(csub(a, b)) <= tol * scale || scale < 1e-300;
}

function toJson(v: Value): Json {
  if (v.json !== undefined && v.exact === undefined) return v.json;
  const r = v.exact!;
  return ['Divide', { num: r.n.toString() }, { num: r.d.toString() }];
}

/** Compare two values numerically at the seeded sample points (free variables get values). */
function numericEqual(a: Value, b: Value, scaleB: number, tol: number, budget: Budget): boolean | undefined {
  const ja = toJson(a);
  const jb = toJson(b);
  const integers = usesIntegerFunctions(ja) || usesIntegerFunctions(jb);
  const signed = !integers && (usesSignSensitive(ja) || usesSignSensitive(jb));
  const points = integers ? INTEGER_POINTS : signed ? 2 * SAMPLE_POINTS : SAMPLE_POINTS;
  let agreed = 0;
  for (let p = 0; p < points; p++) {
    const value = (name: string) =>
      integers ? sampleInteger(name, p) : p < SAMPLE_POINTS ? sampleValue(name, p) : sampleNegative(name, p);
    const env = (name: string) => c(value(name));
    const va = numericValue(ja, env, budget);
    const vb0 = numericValue(jb, env, budget);
    if (!va || !vb0) return undefined;
    const vb = { re: vb0.re * scaleB, im: vb0.im * scaleB };
    const fa = isFinite(va);
    const fb = isFinite(vb);
    if (fa !== fb) return false;
    if (!fa) continue;
    if (!close(va, vb, tol)) return false;
    agreed++;
  }
  return agreed > 0 ? true : undefined;
}

const halfUnit = (places: number) => 0.5 * 10 ** -places * (1 + 1e-9);

/** Exact values compared under the decimal rules above. */
function exactEqual(g: Value, k: Value): boolean {
  const a = g.exact!;
  const b = k.exact!;
  if (eq(a, b)) return true;
  if (!g.inexact && !k.inexact) return false;
  const diff = Math.abs(toNumber(a) - toNumber(b));
  if (g.places !== undefined) {
    const roundsToGold = diff <= halfUnit(g.places);
    if (k.places !== undefined) return roundsToGold && k.places >= g.places;
    return roundsToGold && (g.sigDigits ?? 0) >= MIN_GOLD_SIG_DIGITS;
  }
  if (k.places !== undefined) {
    return diff <= halfUnit(k.places) && close(c(toNumber(a)), c(toNumber(b)), DECIMAL_CANDIDATE_REL_TOL);
  }
  return close(c(toNumber(a)), c(toNumber(b)), INEXACT_REL_TOL);
}

/** Doubles carry ~15 digits: a longer decimal gold is checked against a 50-digit evaluation. */
const PRECISE_SIG_DIGITS = 13;

/**
 * A decimal gold against a symbolic constant (`1.41` vs `\sqrt2`): the gold rule "rounds to
 * it" applied to the constant's value. Undefined when the rule does not apply.
 */
function decimalGoldVsConstant(g: Value, k: Value, candLatex: string, budget: Budget): boolean | undefined {
  const sig = g.sigDigits ?? 0;
  if (g.places === undefined || sig < MIN_GOLD_SIG_DIGITS || k.exact || !k.json || hasFreeSymbol(k.json)) return undefined;
  if (sig >= PRECISE_SIG_DIGITS) {
    const value = highPrecisionValue(candLatex);
    if (!value) return undefined;
    const diff = sub(value, g.exact!);
    const half = rat(5n, 10n ** BigInt(g.places + 1));
    return (diff.n < 0n ? -diff.n : diff.n) * half.d <= half.n * diff.d;
  }
  const v = numericValue(k.json, () => c(Number.NaN), budget);
  if (!v || !isFinite(v) || Math.abs(v.im) > 1e-12 * cabs(v)) return undefined;
  return Math.abs(v.re - toNumber(g.exact!)) <= halfUnit(g.places) ? true : undefined;
}

/** The scale factors under which gold and candidate may agree (the percent rule). */
function percentScales(gold: Scalar, cand: Scalar): Rational[] {
  if (gold.percent === cand.percent) return [rat(1n)];
  // A percent sign may be dropped (25\% ~ 25) or read as /100 (25\% ~ 0.25), on either side.
  return gold.percent ? [rat(1n), rat(1n, 100n)] : [rat(1n), rat(100n)];
}

/**
 * Scalar equivalence: exact rationals when both sides are numbers (BigInt, no rounding),
 * otherwise numeric evaluation at seeded points. Undefined when either side cannot be read.
 */
export function scalarEqual(gold: Scalar, cand: Scalar, budget: Budget): boolean | undefined {
  const g = valueOf(gold.latex, budget);
  const k = valueOf(cand.latex, budget);
  if (!g || !k) return undefined;
  const precise = decimalGoldVsConstant(g, k, cand.latex, budget);
  if (precise !== undefined && !gold.percent && !cand.percent) return precise;
  let tol = g.inexact || k.inexact ? INEXACT_REL_TOL : EXACT_REL_TOL;
  // A decimal candidate for a symbolic gold (3.1416 for π) is held to the candidate rule.
  if (k.places !== undefined && g.exact === undefined) tol = DECIMAL_CANDIDATE_REL_TOL;
  let unknown = false;
  for (const scale of percentScales(gold, cand)) {
    if (g.exact && k.exact) {
      const scaled = scale.n === 1n && scale.d === 1n ? k : { ...k, exact: div(k.exact, scale), places: undefined };
      if (exactEqual(g, scaled)) return true;
      continue;
    }
    const r = numericEqual(g, k, 1 / toNumber(scale), tol, budget);
    if (r === true) return true;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}
