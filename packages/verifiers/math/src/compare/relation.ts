import type { Budget } from '../budget.js';
import { latexToJson, type Json } from '../parse/latex-to-json.js';
import { isNameLike, isVariable, parseRelation, type Relation } from '../parse/relations.js';
import { splitTopLevel } from '../parse/scan.js';
import { hasFreeSymbol, numericValue } from '../math/numeric-eval.js';
import { SAMPLE_POINTS, sampleValue } from '../math/sample-points.js';
import { c, cabs, cdiv, csub, isFinite } from '../math/complex.js';

const RATIO_TOL = 1e-6;
const INEQUALITIES = new Set(['<', '>', '\\le', '\\ge']);

/** `L op R` as one expression that is `> 0` / `>= 0` (inequalities) or `= 0` (equations). */
function oneSide(left: string, op: string, right: string): { json: Json; strict: boolean } | undefined {
  const l = latexToJson(left);
  const r = latexToJson(right);
  if (l === undefined || r === undefined) return undefined;
  const flip = op === '<' || op === '\\le';
  return { json: flip ? ['Subtract', r, l] : ['Subtract', l, r], strict: op === '<' || op === '>' };
}

/**
 * Two one-sided expressions describe the same relation when one is a constant nonzero
 * multiple of the other at every sample point (positive for inequalities).
 */
function proportional(a: Json, b: Json, positive: boolean, budget: Budget): boolean {
  let ratio: { re: number; im: number } | undefined;
  let checked = 0;
  for (let p = 0; p < SAMPLE_POINTS; p++) {
    const env = (name: string) => c(sampleValue(name, p));
    const va = numericValue(a, env, budget);
    const vb = numericValue(b, env, budget);
    if (!va || !vb || !isFinite(va) || !isFinite(vb)) return false;
    const za = cabs(va) < 1e-12;
    const zb = cabs(vb) < 1e-12;
    if (za !== zb) return false;
    if (za) continue;
    const r = cdiv(va, vb);
    if (ratio && cabs(csub(r, ratio)) > RATIO_TOL * cabs(ratio)) return false;
    ratio = r;
    checked++;
  }
  if (!ratio || checked === 0) return false;
  return !positive || (ratio.re > 0 && Math.abs(ratio.im) < RATIO_TOL * cabs(ratio));
}

/** Equations equal up to a nonzero factor; inequalities up to a positive factor, same strictness. */
export function relationsEqual(a: Relation, b: Relation, budget: Budget): boolean {
  if (a.parts.length !== 2 || b.parts.length !== 2) return false;
  const opA = a.ops[0]!;
  const opB = b.ops[0]!;
  const ineq = INEQUALITIES.has(opA);
  if (ineq !== INEQUALITIES.has(opB) || (opA === '\\ne') !== (opB === '\\ne')) return false;
  const sa = oneSide(a.parts[0]!, opA, a.parts[1]!);
  const sb = oneSide(b.parts[0]!, opB, b.parts[1]!);
  if (!sa || !sb || sa.strict !== sb.strict) return false;
  // Without unknowns "proportional" is meaningless (any two numbers are): not a relation.
  if (!hasFreeSymbol(sa.json) || !hasFreeSymbol(sb.json)) return false;
  return proportional(sa.json, sb.json, ineq, budget);
}

/**
 * `x < 2 \text{ or } x > 3`: alternatives that are all relations describe one solution set, a
 * union of intervals or a list of values. Undefined when the text is not of that form.
 */
export function alternativesAsSet(s: string): string | undefined {
  const parts = splitTopLevel(s, [' or ', '\\lor']).map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const relations = parts.map(parseRelation);
  if (relations.some((r) => r === undefined)) return undefined;
  const intervals = relations.map((r) => inequalityToInterval(r!));
  if (intervals.every((i) => i !== undefined)) return intervals.join(' \\cup ');
  const values = relations.map((r) => statedValue(r!));
  return values.every((v) => v !== undefined) ? values.join(', ') : undefined;
}

/**
 * The value a chain of equalities states: `x = 5` -> `5`, `k = \frac13 \approx 0.33` -> `\frac13`,
 * `\frac12 + \frac12 = 1` -> `1`. Undefined when the left side is itself a computation with
 * unknowns (then the chain is a real equation).
 */
export function statedValue(r: Relation): string | undefined {
  if (r.ops.some((op) => op !== '=' && op !== '\\approx')) return undefined;
  const constant = (s: string) => !/[a-zA-Z]/.test(s.replace(/\\(?:frac|sqrt|pi|cdot|times|div)/g, ''));
  if (!isNameLike(r.parts[0]!) && !r.parts.every(constant)) return undefined;
  const firstApprox = r.ops.indexOf('\\approx');
  if (firstApprox > 0) return r.parts[firstApprox];
  return r.parts[r.parts.length - 1];
}

/**
 * `x \ge 5` -> `[5,\infty)`; `-2 \le x < 7` -> `[-2,7)`; `x \ne 1` -> `(-\infty,1) \cup (1,\infty)`;
 * undefined for other relations.
 */
export function inequalityToInterval(r: Relation): string | undefined {
  if (r.ops.length === 1 && r.ops[0] === '\\ne') {
    const [a, b] = r.parts as [string, string];
    const point = isVariable(a) ? b : isVariable(b) ? a : undefined;
    return point === undefined ? undefined : `(-\\infty,${point}) \\cup (${point},\\infty)`;
  }
  const lower = (op: string) => (op === '<' ? '(' : '[');
  const upper = (op: string) => (op === '<' ? ')' : ']');
  const ascending = r.ops.map((op) => (op === '>' ? '<' : op === '\\ge' ? '\\le' : op));
  const flipped = r.ops.every((op) => op === '>' || op === '\\ge');
  if (!r.ops.every((op) => INEQUALITIES.has(op)) || (!flipped && !r.ops.every((op) => op === '<' || op === '\\le'))) {
    return undefined;
  }
  const parts = flipped ? [...r.parts].reverse() : r.parts;
  const ops = flipped ? [...ascending].reverse() : ascending;
  if (parts.length === 3 && isVariable(parts[1]!)) {
    return `${lower(ops[0]!)}${parts[0]},${parts[2]}${upper(ops[1]!)}`;
  }
  if (parts.length !== 2) return undefined;
  if (isVariable(parts[0]!)) return `(-\\infty,${parts[1]}${upper(ops[0]!)}`;
  if (isVariable(parts[1]!)) return `${lower(ops[0]!)}${parts[0]},\\infty)`;
  return undefined;
}
