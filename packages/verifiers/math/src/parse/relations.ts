import { splitTopLevel } from './scan.js';

export type RelOp = '=' | '<' | '>' | '\\le' | '\\ge' | '\\ne' | '\\approx';

/** A chain `a op b op c …` split at top-level relation symbols. */
export interface Relation {
  parts: string[];
  ops: RelOp[];
}

const OPS: RelOp[] = ['\\approx', '\\le', '\\ge', '\\ne', '=', '<', '>'];
const MARK = '\u0000';

/** Split at top-level relations; undefined when there are none. */
export function parseRelation(s: string): Relation | undefined {
  if (!/[=<>]|\\(?:le|ge|ne|approx)(?![a-zA-Z])/.test(s)) return undefined;
  // Tag each operator so the split keeps which one it was.
  const tagged = s.replace(/\\(approx|le|ge|ne)(?![a-zA-Z])|[=<>]/g, (op) => `${MARK}${op}${MARK}`);
  const pieces = splitTopLevel(tagged, [MARK]);
  if (pieces.length < 3) return undefined;
  const parts: string[] = [];
  const ops: RelOp[] = [];
  for (let k = 0; k < pieces.length; k++) {
    if (k % 2 === 0) parts.push(pieces[k]!.trim());
    else if (OPS.includes(pieces[k] as RelOp)) ops.push(pieces[k] as RelOp);
    else return undefined;
  }
  if (parts.some((p) => p === '')) return undefined;
  return { parts, ops };
}

/** A left side that names the answer rather than computing it: `x`, `f(x)`, `|AB|`, `(p,q)`. */
export function isNameLike(s: string): boolean {
  return s.length <= 40 && !/\d/.test(s.replace(/_\{?\d+\}?/g, '')) && !/\\(?:sin|cos|tan|cot|sec|csc|log|ln|exp)/.test(s);
}

/** A bare variable: `x`, `a_1`, `x_{n}`. */
export function isVariable(s: string): boolean {
  return /^[a-zA-Z](?:_\{?[a-zA-Z0-9]+\}?)?$/.test(s.trim());
}
