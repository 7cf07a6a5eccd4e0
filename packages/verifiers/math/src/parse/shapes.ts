import { splitTopLevel, wrapsWhole } from './scan.js';
import { evaluateMatrixExpression, rowsOf } from './matrix-expression.js';

/** The structured shapes an answer can take, recognised from its (cleaned) LaTeX. */
export type Shape =
  | { kind: 'matrix'; rows: string[][] }
  | { kind: 'union'; parts: string[] }
  | { kind: 'set'; items: string[] }
  | { kind: 'bracketed'; open: string; close: string; items: string[] }
  | { kind: 'list'; items: string[] };

const MATRIX = /^[[(]?\s*\\begin\{([pbvBV]?matrix|array|smallmatrix)\}(?:\{[^{}]*\})?([\s\S]*?)\\end\{\1\}\s*[\])]?$/;

/** Items of a comma/semicolon/"and" separated list, with empty items dropped. */
export function listItems(s: string): string[] {
  // `p=5,q=2;p=7,q=2`: semicolons separate the solutions, commas their parts.
  const bySemicolon = splitTopLevel(s, [';']);
  if (bySemicolon.length > 1) return bySemicolon.map((x) => x.trim()).filter((x) => x !== '');
  return splitTopLevel(s, [',', ' and ', '\\text{and}'])
    .map((x) => x.trim().replace(/^and\s+/, ''))
    .filter((x) => x !== '');
}

/** Recognise a matrix, union, set, bracketed tuple/interval or list; undefined for a single item. */
export function parseShape(s: string): Shape | undefined {
  const matrix = MATRIX.exec(s);
  if (matrix && !matrix[2]!.includes('\\begin')) return { kind: 'matrix', rows: rowsOf(matrix[2]!) };
  const computed = s.includes('\\begin') ? evaluateMatrixExpression(s) : undefined;
  if (computed) return { kind: 'matrix', rows: computed };
  const union = splitTopLevel(s, ['\\cup']);
  if (union.length > 1) return { kind: 'union', parts: union.map((p) => p.trim()) };
  if (s.startsWith('\\{') && s.endsWith('\\}') && wrapsWhole(s, 0)) {
    return { kind: 'set', items: listItems(s.slice(2, -2)) };
  }
  if (/^[[(]/.test(s) && /[\])]$/.test(s) && wrapsWhole(s, 0)) {
    const items = splitTopLevel(s.slice(1, -1), [',', ';']).map((x) => x.trim());
    if (items.length > 1) return { kind: 'bracketed', open: s[0]!, close: s[s.length - 1]!, items };
  }
  const items = listItems(s);
  return items.length > 1 ? { kind: 'list', items } : undefined;
}

/** `a \pm b` as its two values (only the first ± is expanded). */
export function expandPlusMinus(item: string): string[] {
  const at = item.indexOf('\\pm');
  if (at === -1) return [item];
  const before = item.slice(0, at).trim();
  const after = item.slice(at + 3).trim();
  // ± binds like a binary +/- to the term after it, so plain substitution keeps the grouping.
  return [`${before}+${after}`.replace(/^\+/, ''), `${before}-${after}`];
}
