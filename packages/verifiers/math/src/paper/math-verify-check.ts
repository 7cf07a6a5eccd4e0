/**
 * The third stage of the paper's grader, `is_latex_equal`: refuse long repetitive strings,
 * accept equal `_normalize` forms, else Math-Verify 0.8 `verify(parse("$gold$"), parse("$answer$"))`.
 * Math-Verify is emulated on prompt-aug's own equivalence engine with the behaviours that
 * change verdicts on the benchmarks:
 * - `$…$` cannot span a newline, so a gold with a trailing `\n` (Minerva) is read as a lone
 *   number (`newline-gold.ts`);
 * - when either side is a decimal number, both are rounded to 6 decimals before comparing
 *   (`float_rounding=6`: 8.234e-19 == 8.224e-19, 0.333333 == 1/3);
 * - a relation answer does not match an interval/set gold (`k<-5` vs `(-\infty,-5)` is wrong;
 *   the other way round is right): `allow_set_relation_comp=False`.
 */
import { isEquivalent } from '../verify.js';
import { latexToJson, type Json } from '../parse/latex-to-json.js';
import { numericValue, hasFreeSymbol } from '../math/numeric-eval.js';
import { Budget } from '../budget.js';
import { readNewlineWrapped } from './newline-gold.js';
import { isRepetitive } from './repeatness.js';
import { prmNormalize } from './prm-normalize.js';

const SPAN = /(?<!\\)\$\$([^$]+?)\$\$|(?<![\\\d])\$((?:\\\$|[^\n$])+?)(?<!\\)\$/g;

/** The LaTeX Math-Verify reads from a `$`-wrapped string, or undefined. */
export function mathVerifyRead(wrapped: string): string | undefined {
  const spans: { start: number; end: number; body: string }[] = [];
  for (let m = SPAN.exec(wrapped); m; m = SPAN.exec(wrapped)) {
    spans.push({ start: m.index, end: m.index + m[0].length, body: (m[1] ?? m[2])! });
  }
  SPAN.lastIndex = 0;
  if (spans.length === 0) return readNewlineWrapped(wrapped);
  // Up to 6 spans joined by `,`/`and`/`or` are one answer (a set).
  const joined = [spans[spans.length - 1]!];
  for (let k = spans.length - 2; k >= 0 && joined.length < 6; k--) {
    if (!/^\s*(?:,?and|,?or|,)\s*$/.test(wrapped.slice(spans[k]!.end, joined[0]!.start))) break;
    joined.unshift(spans[k]!);
  }
  return joined.map((s) => s.body).join(', ');
}

const PLAIN_NUMBER = /^\s*-?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;
const PLAIN_FRACTION = /^\s*(-?)\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}\s*$/;
const SCIENTIFIC = /^\s*(-?\s*\d+(?:\.\d*)?)\s*\\(?:times|cdot)\s*10\s*\^\s*\{?\s*(-?\d+)\s*\}?\s*$/;

/** The value of a constant expression; plain numbers, fractions and `a \times 10^{n}` skip the parser. */
function constantValue(latex: string): number | undefined {
  if (PLAIN_NUMBER.test(latex)) return Number(latex.replace(/\s+/g, ''));
  const frac = PLAIN_FRACTION.exec(latex);
  if (frac) return (frac[1] === '-' ? -1 : 1) * (Number(frac[2]) / Number(frac[3]));
  const sci = SCIENTIFIC.exec(latex);
  if (sci) {
    const v = Number(`${sci[1]!.replace(/\s+/g, '')}e${sci[2]}`);
    return Number.isFinite(v) ? v : undefined;
  }
  const json: Json | undefined = latexToJson(latex);
  if (json === undefined || hasFreeSymbol(json)) return undefined;
  try {
    const v = numericValue(json, () => ({ re: NaN, im: NaN }), new Budget(50));
    return v && v.im === 0 && Number.isFinite(v.re) ? v.re : undefined;
  } catch {
    return undefined;
  }
}

/** A plain number literal (sympy Integer/Float/Rational atom): `-3`, `2.50`, `.5`, `\frac{1}{3}`. */
const ATOMIC_NUMBER = /^\s*-?\s*(?:\d+(?:\.\d*)?|\.\d+|\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\})\s*$/;
const FLOAT_LITERAL = /^\s*-?\s*(?:\d+\.\d*|\.\d+)\s*$/;
const HAS_DECIMAL = /\d\.\d|(?<!\d)\.\d/;
const RELATION = /<|>|\\[lg]eq?\b|\\[lg]t\b|≤|≥/;
const INTERVAL_OR_SET = /^\s*(?:\\left)?\s*[([]|\\\{|\\cup|\\emptyset|\\varnothing|\\mathbb/;

/**
 * LaTeX as latex2sympy reads it where prompt-aug's parser differs: `e` is Euler's number even
 * in `3.89e-10` (so that is 3.89·e − 10, not 3.89·10⁻¹⁰); an ordinal suffix (`12th`), degrees
 * and a trailing `\text{ unit}` after a number are dropped.
 */
function asLatex2Sympy(latex: string): string {
  return latex
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/\^\s*(?:\{\s*\\circ\s*\}|\\circ)/g, '')
    .replace(/(\d)\s*\\(?:text|mathrm)\s*\{\s*[a-zA-Z ]+\}\s*$/, '$1')
    .replace(/(\d)e(?=\s*[-+]?\s*\d)/g, '$1\\cdot\\mathrm{e}');
}

function roundedTo6(x: number): number {
  return Math.round(x * 1e6);
}

function closeAsFloats(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

export function mathVerifyCompare(goldRaw: string, answerRaw: string): boolean {
  const [gold, answer] = [asLatex2Sympy(goldRaw), asLatex2Sympy(answerRaw)];
  const atomic = ATOMIC_NUMBER.test(gold) || ATOMIC_NUMBER.test(answer);
  if (atomic || HAS_DECIMAL.test(gold) || HAS_DECIMAL.test(answer)) {
    const [g, a] = [constantValue(gold), constantValue(answer)];
    if (atomic && (g === undefined || a === undefined) && NUMERIC_ONLY.test(gold) && NUMERIC_ONLY.test(answer)) {
      return false; // a number against an overflowing one (1.07 \times 10^{2567})
    }
    if (g !== undefined && a !== undefined) {
      // `sympy_numeric_eq`: a number atom on one side, a float atom on either -> 6-decimal rounding.
      if (atomic && (FLOAT_LITERAL.test(gold) || FLOAT_LITERAL.test(answer))) return roundedTo6(g) === roundedTo6(a);
      return closeAsFloats(g, a);
    }
  }
  if (INTERVAL_OR_SET.test(gold) && !RELATION.test(gold) && RELATION.test(answer)) return false;
  return isEquivalent(gold, answer) && sameWhereSymbolsAreNegative(gold, answer);
}

/** Which constant or symbol values are numbers only, no letters besides LaTeX commands. */
const NUMERIC_ONLY = /^(?:[^a-zA-Z\\]|\\[a-zA-Z]+)*$/;

/**
 * sympy assumes nothing about a symbol's sign, so `\sqrt{r^2}` is not `r` and `\ln(1/x)` is not
 * `-\ln x` for Math-Verify. prompt-aug's engine samples positive values; this re-checks at
 * negative ones (in complex arithmetic) and refuses a pair that differs there.
 */
function sameWhereSymbolsAreNegative(gold: string, answer: string): boolean {
  const [g, a] = [latexToJson(gold), latexToJson(answer)];
  if (g === undefined || a === undefined || !hasFreeSymbol(g)) return true;
  for (const point of [0, 1]) {
    const env = (name: string) => ({ re: -0.7 - 0.9 * point - (name.length % 5) * 0.13, im: 0 });
    try {
      const [vg, va] = [numericValue(g, env, new Budget(50)), numericValue(a, env, new Budget(50))];
      if (!vg || !va || !Number.isFinite(vg.re) || !Number.isFinite(va.re) || !Number.isFinite(vg.im) || !Number.isFinite(va.im)) continue;
      const scale = Math.max(1, Math.hypot(vg.re, vg.im), Math.hypot(va.re, va.im));
      if (Math.hypot(vg.re - va.re, vg.im - va.im) > 1e-6 * scale) return false;
    } catch {
      continue;
    }
  }
  return true;
}

/**
 * The official stage runs under a 1-second alarm; its suffix-array repetition check alone
 * outlasts it on answers of several thousand characters, and a timeout counts as "not equal".
 */
const TIMES_OUT_ABOVE_CHARS = 2_000;

export function mathVerifyEqual(given: string, gold: string): boolean {
  if (given.length > TIMES_OUT_ABOVE_CHARS || gold.length > TIMES_OUT_ABOVE_CHARS) return false;
  if ((given.length > 128 && isRepetitive(given)) || (gold.length > 128 && isRepetitive(gold))) return false;
  const goldNormal = prmNormalize(gold);
  if (goldNormal === null) return false;
  if (goldNormal === prmNormalize(given)) return true;
  const g = mathVerifyRead(gold.includes('$') ? gold : `$${gold}$`);
  const a = mathVerifyRead(given.includes('$') ? given : `$${given}$`);
  if (g === undefined || a === undefined) return false;
  return mathVerifyCompare(g, a);
}
