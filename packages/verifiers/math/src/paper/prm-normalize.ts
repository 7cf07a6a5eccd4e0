/**
 * The PRM800K-style `_normalize` of the paper's grader (`grade_answer_sympy` and the first step
 * of `is_latex_equal`), step by step. Quirks kept: `" and "`/`" or "` become list commas; unit
 * words are deleted anywhere (`"seconds"`, `"cm"`, even inside words); only `^ \circ` (not
 * `^{\circ}`) is dropped here; LaTeX goes through a latex-to-text conversion (see
 * `latex-to-text.ts`), so `\frac{a+b}{c}` becomes `a+b/c`; everything is lower-cased.
 */
import { latexToText } from './latex-to-text.js';
import { pyFloat, pyIntString, pyTruncString } from './python-text.js';

const UNITS = ['degree', 'cm', 'centimeter', 'meter', 'mile', 'second', 'minute', 'hour', 'day', 'week', 'month',
  'year', 'foot', 'feet', 'inch', 'yard'].map((u) => new RegExp(`${u}(es)?(s)? *(\\^[0-9]+)?`, 'g'));

/** `_is_int`: within 1e-7 of an integer (inf/nan are not). */
export function isNearInt(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x - Math.round(x)) <= 1e-7;
}

/** `_strip_properly_formatted_commas`: `1,234` -> `1234`, tuple commas kept. */
export function stripThousandsCommas(expr: string): string {
  let s = expr;
  for (;;) {
    const next = s.replace(/(\d)(,)(\d\d\d)($|\D)/gu, '$1$3$4');
    if (next === s) return next;
    s = next;
  }
}

/** `_str_is_int`. */
export function strIsInt(x: string): boolean {
  const v = pyFloat(stripThousandsCommas(x));
  return v !== undefined && isNearInt(v);
}

function parseLatexToText(expr: string): string {
  let s = expr.replaceAll('\\tfrac', '\\frac').replaceAll('\\dfrac', '\\frac').replaceAll('\\frac', ' \\frac');
  s = latexToText(s);
  s = s.replaceAll('√', 'sqrt').replaceAll('π', 'pi').replaceAll('∞', 'inf').replaceAll('∪', 'U');
  s = s.replaceAll('·', '*').replaceAll('×', '*');
  return s.trim();
}

export function prmNormalize(input: string | null): string | null {
  if (input === null) return null;
  let expr = input;
  const m = /^\\text\{([^\n]+?)\}$/.exec(expr);
  if (m) expr = m[1]!;
  expr = expr.replaceAll('\\%', '%').replaceAll('\\$', '$').replaceAll('$', '').replaceAll('%', '');
  expr = expr.replaceAll(' or ', ' , ').replaceAll(' and ', ' , ');
  expr = expr.replaceAll('million', '*10^6').replaceAll('billion', '*10^9').replaceAll('trillion', '*10^12');
  for (const unit of UNITS) expr = expr.replace(unit, '');
  expr = expr.replace(/\^ *\\circ/g, '');
  if (expr.length > 0 && expr[0] === '{' && expr[expr.length - 1] === '}') expr = expr.slice(1, -1);
  expr = expr.replace(/,\\! */g, '');
  const asFloat = pyFloat(expr);
  if (asFloat !== undefined && isNearInt(asFloat)) expr = pyIntString(asFloat);
  if (expr.includes('\\')) expr = parseLatexToText(expr);
  expr = expr.replace(/- */g, '-');
  expr = expr.replace(/([0-9]) +([0-9])/g, '$1+$2');
  expr = expr.replaceAll(' ', '').replaceAll('{', '').replaceAll('}', '').toLowerCase();
  if (strIsInt(expr)) expr = pyTruncString(pyFloat(expr.replaceAll(',', ''))!);
  return expr;
}
