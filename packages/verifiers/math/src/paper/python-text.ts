/** Small Python string/number semantics the paper's grader relies on. */

const PY_SPACE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu;

/** Python's `str.strip()` (its whitespace set is a little wider than JS `trim`). */
export function pyStrip(s: string): string {
  return s.replace(PY_SPACE, '');
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.|inf(?:inity)?|nan)$/i;

/** Python's `float(s)`, or undefined where it raises ValueError. */
export function pyFloat(s: string): number | undefined {
  const t = pyStrip(s);
  if (!PY_FLOAT.test(t)) return undefined;
  const u = t.replace(/_/g, '').toLowerCase();
  if (u.endsWith('inf') || u.endsWith('infinity')) return u.startsWith('-') ? -Infinity : Infinity;
  if (u.endsWith('nan')) return NaN;
  return Number(u);
}

/** Python's `str(int(round(x)))` for a finite float. */
export function pyIntString(x: number): string {
  return BigInt(Math.round(x)).toString();
}

/** Python's `str(int(x))` (truncation) for a finite float. */
export function pyTruncString(x: number): string {
  return BigInt(Math.trunc(x)).toString();
}

/** Python's `\w` on str patterns: Unicode letters, digits and `_`. */
export const PY_WORD = '[\\p{L}\\p{N}_]';
export const PY_NON_WORD = '[^\\p{L}\\p{N}_]';
