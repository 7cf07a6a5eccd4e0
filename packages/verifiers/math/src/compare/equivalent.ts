import type { Budget } from '../budget.js';
import { parseRelation, isNameLike } from '../parse/relations.js';
import { expandPlusMinus, parseShape, type Shape } from '../parse/shapes.js';
import { parseDecimalComma, parseNumberLiteral } from '../parse/number-literal.js';
import { eq } from '../math/rational.js';
import { scalarEqual } from './scalar.js';
import { alternativesAsSet, inequalityToInterval, relationsEqual, statedValue } from './relation.js';
import { baseNumeral, choiceLetter, hasMeridiem, ratioAsFraction, textKey, timeOfDay } from './special-forms.js';
import { canonicalSame } from './canonical.js';

export interface CompareContext {
  budget: Budget;
  goldPercent: boolean;
  candPercent: boolean;
}

/** Reason string when equal, undefined when not (or when it cannot be shown). */
export type Match = string | undefined;
/** A step's verdict: a reason (equal), null (decided: not equal) or undefined (not my case). */
type Decision = string | null | undefined;

const MAX_STRUCTURED_LENGTH = 3000;
const MAX_ITEMS = 60;
const MAX_DEPTH = 6;

/** Spacing and single-character braces do not matter: `4210_{7}` = `4210_7`, `\sqrt{3}` = `\sqrt3`. */
export function compactKey(s: string): string {
  return s.replace(/\s+/g, '').replace(/([_^]|\\sqrt|\\frac\{\w\})\{(\w)\}/g, '$1$2').replace(/\\frac(\w)(\w)/g, '\\frac{$1}{$2}');
}

/** `1,000,000` is a number, not a list of three: drop its thousands separators. */
function plainNumeral(s: string): string {
  return /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
}

const IN_SET = /^[a-zA-Z](?:_\{?\w+\}?)?\s*\\in\s*(.+)$/;

/** Two cleaned answers (gold first) are the same answer. */
export function equalAnswers(gold: string, cand: string, ctx: CompareContext, depth = 0): Match {
  ctx.budget.tick();
  if (compactKey(gold) === compactKey(cand)) return 'equal-string';
  if (depth > MAX_DEPTH || gold.length > MAX_STRUCTURED_LENGTH || cand.length > MAX_STRUCTURED_LENGTH) return undefined;
  const g = plainNumeral(alternativesAsSet(gold) ?? gold.replace(IN_SET, '$1').trim());
  const c = plainNumeral(alternativesAsSet(cand) ?? cand.replace(IN_SET, '$1').trim());
  if (g !== gold || c !== cand) return equalAnswers(g, c, ctx, depth + 1);
  // A top-level list is split before relations are read: `x = 1, y = 2` is two items.
  const listFirst = isList(g) || isList(c);
  const steps = listFirst ? [special, structural, relational] : [special, relational, structural];
  for (const step of steps) {
    const decided = step(g, c, ctx, depth);
    if (decided !== undefined) return decided ?? undefined;
  }
  return scalar(g, c, ctx);
}

function isList(s: string): boolean {
  const kind = parseShape(s)?.kind;
  return kind === 'list' || kind === 'set';
}

/** Option letters, times of day and base-n numerals settle the question on their own. */
function special(g: string, c: string, ctx: CompareContext, _depth: number): Decision {
  if (/^\(?[A-E]\)?$/.test(g)) return choiceLetter(c) === choiceLetter(g) ? 'choice-equal' : null;
  const tg = timeOfDay(g);
  if (tg !== undefined && (hasMeridiem(g) || hasMeridiem(c))) {
    return timeOfDay(c) === tg ? 'time-equal' : null;
  }
  const bg = baseNumeral(g);
  const bc = baseNumeral(c);
  if (bg || bc) {
    const digits = (s: string) => s.replace(/^0+(?=.)/, '').toUpperCase();
    if (bg && bc) return bg.digits === bc.digits && bg.base === bc.base ? 'base-equal' : null;
    const bare = bg ? c : g;
    const numeral = (bg ?? bc)!;
    return /^[0-9A-Za-z]+$/.test(bare) && digits(bare) === numeral.digits ? 'base-equal' : null;
  }
  const ratioG = ratioAsFraction(g);
  const ratioC = ratioAsFraction(c);
  if (ratioG || ratioC) return scalar(ratioG ?? g, ratioC ?? c, ctx) ?? null;
  // Plain numerals (incl. `12,000,023`, `1 000`) are numbers before they are lists.
  const lg = parseNumberLiteral(g);
  const lc = parseNumberLiteral(c);
  if (lg && lc) return scalar(g, c, ctx) ?? null;
  const dc = lg && parseDecimalComma(c);
  if (lg && dc && eq(lg.value, dc.value)) return 'decimal-comma';
  return undefined;
}

function relational(g: string, c: string, ctx: CompareContext, depth: number): Decision {
  const rg = parseRelation(g);
  const rc = parseRelation(c);
  if (!rg && !rc) return undefined;
  if (rg && rc) {
    if (relationsEqual(rg, rc, ctx.budget)) return 'relation-equal';
    const vg = statedValue(rg);
    const vc = statedValue(rc);
    if (vg !== undefined && vc !== undefined && !isNameLike(rg.parts[0]!)) {
      return equalAnswers(vg, vc, ctx, depth + 1) ?? null;
    }
    const ig = inequalityToInterval(rg);
    const ic = inequalityToInterval(rc);
    if (ig && ic) return equalAnswers(ig, ic, ctx, depth + 1) ?? null;
    const sameName = rg.parts.length === 2 && rc.parts.length === 2 && isNameLike(rg.parts[0]!);
    if (sameName && rg.ops[0] === '=' && compactKey(rg.parts[0]!) === compactKey(rc.parts[0]!)) {
      return equalAnswers(rg.parts[1]!, rc.parts[1]!, ctx, depth + 1) ?? null;
    }
    return null;
  }
  const rel = (rg ?? rc)!;
  const value = statedValue(rel) ?? inequalityToInterval(rel);
  if (value === undefined) return null;
  return (rg ? equalAnswers(value, c, ctx, depth + 1) : equalAnswers(g, value, ctx, depth + 1)) ?? null;
}

function itemsOf(shape: Shape | undefined, s: string): string[] {
  const raw = shape && (shape.kind === 'list' || shape.kind === 'set' || shape.kind === 'bracketed') ? shape.items : [s];
  return raw.flatMap(expandPlusMinus);
}

function structural(g: string, c: string, ctx: CompareContext, depth: number): Decision {
  const sg = parseShape(g);
  const sc = parseShape(c);
  const pmG = g.includes('\\pm');
  const pmC = c.includes('\\pm');
  if (!sg && !sc && !pmG && !pmC) return undefined;
  if (sg?.kind === 'matrix' || sc?.kind === 'matrix') {
    const vector = asVector(sg) ?? asVector(sc);
    const tuple = sg?.kind === 'bracketed' ? sg : sc?.kind === 'bracketed' ? sc : undefined;
    if (vector && tuple?.open === '(' && tuple.close === ')') {
      const [gv, cv] = sg === tuple ? [tuple.items, vector] : [vector, tuple.items];
      return matchItems(gv, cv, true, ctx, depth) ? 'tuple-equal' : null;
    }
    if (sg?.kind !== 'matrix' || sc?.kind !== 'matrix') return null;
    return matricesEqual(sg.rows, sc.rows, ctx, depth) ? 'matrix-equal' : null;
  }
  if (sg?.kind === 'union' || sc?.kind === 'union') {
    if (sg?.kind !== 'union' || sc?.kind !== 'union') return null;
    return matchItems(sg.parts, sc.parts, false, ctx, depth) ? 'union-equal' : null;
  }
  if (sg?.kind === 'bracketed' && sc?.kind === 'bracketed') {
    if (sg.open !== sc.open || sg.close !== sc.close) return null;
    return matchItems(sg.items, sc.items, true, ctx, depth) ? 'tuple-equal' : null;
  }
  const gi = itemsOf(sg, g);
  const ci = itemsOf(sc, c);
  if (gi.length === 1 && ci.length === 1) return equalAnswers(gi[0]!, ci[0]!, ctx, depth + 1) ?? null;
  // A tuple against a bare list keeps its order (`p=5,q=2` vs `(5,2)`); an interval with a
  // closed end is not a list of its endpoints.
  const brackets = [sg, sc].filter((s) => s?.kind === 'bracketed') as Array<Extract<Shape, { kind: 'bracketed' }>>;
  if (brackets.some((b) => b.open !== '(' || b.close !== ')')) return null;
  const ordered = brackets.length > 0;
  return matchItems(gi, ci, ordered, ctx, depth) ? (ordered ? 'tuple-equal' : 'set-equal') : null;
}

/** The entries of a one-column or one-row matrix: a vector may be written as a tuple. */
function asVector(shape: Shape | undefined): string[] | undefined {
  if (shape?.kind !== 'matrix') return undefined;
  if (shape.rows.length === 1) return shape.rows[0];
  return shape.rows.every((r) => r.length === 1) ? shape.rows.map((r) => r[0]!) : undefined;
}

function matchItems(gi: string[], ci: string[], ordered: boolean, ctx: CompareContext, depth: number): boolean {
  if (gi.length !== ci.length || gi.length > MAX_ITEMS) return false;
  if (ordered) return gi.every((x, k) => equalAnswers(x, ci[k]!, ctx, depth + 1) !== undefined);
  const used = new Array<boolean>(ci.length).fill(false);
  for (const x of gi) {
    const k = ci.findIndex((y, j) => !used[j] && equalAnswers(x, y, ctx, depth + 1) !== undefined);
    if (k === -1) return false;
    used[k] = true;
  }
  return true;
}

function matricesEqual(a: string[][], b: string[][], ctx: CompareContext, depth: number): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, r) => row.length === b[r]!.length && matchItems(row, b[r]!, true, ctx, depth));
}

function scalar(g: string, c: string, ctx: CompareContext): Match {
  const tg = textKey(g);
  if (tg !== undefined && tg === textKey(c)) return 'text-equal';
  const r = scalarEqual({ latex: g, percent: ctx.goldPercent }, { latex: c, percent: ctx.candPercent }, ctx.budget);
  if (r === true) return 'value-equal';
  if (r === false) return undefined;
  return canonicalSame(g, c) ? 'canonical-equal' : undefined;
}
