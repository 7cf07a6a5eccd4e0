/**
 * `grade_answer_sympy` of the paper's grader (PRM800K rules): equal after `_normalize`, else
 * element-wise over a tuple/interval (the brackets must match), where unreduced fractions must
 * match as written (`2/4` != `1/2`), an integer gold requires an integer answer, and otherwise
 * `sympy.simplify(gold - answer) == 0` decides, guarded by `should_allow_eval` (at most two
 * distinct letters, no `^{`/`^(`, no exponent of two or more digits).
 */
import { prmNormalize, strIsInt, stripThousandsCommas } from './prm-normalize.js';
import { sameUnderSympy } from './py-expression.js';

const TUPLE_CHARS = '()[]';

function splitTuple(expr: string): string[] {
  const s = stripThousandsCommas(expr);
  if (s.length === 0) return [];
  const inner = s.slice(1, -1);
  if (s.length > 2 && TUPLE_CHARS.includes(s[0]!) && TUPLE_CHARS.includes(s[s.length - 1]!) && ![...TUPLE_CHARS].some((c) => inner.includes(c))) {
    return inner.split(',').map((e) => e.trim());
  }
  return [s];
}

const isFrac = (e: string) => /^-?[0-9]+[^\n]?\/0*[1-9][0-9]*[^\n]?$/u.test(e);

function allowEval(expr: string): boolean {
  const letters = new Set([...expr.replaceAll('sqrt', '').replaceAll('frac', '')].filter((ch) => /\p{L}/u.test(ch)));
  if (letters.size > 2) return false;
  if (expr.includes('^{') || expr.includes('^(')) return false;
  return !/\^[0-9]+\^/.test(expr) && !/\^[0-9][0-9]+/.test(expr);
}

function equalUnderSympy(gold: string, given: string): boolean {
  const expr = `(${gold})-(${given})`;
  if (!allowEval(expr)) return false;
  return sameUnderSympy(gold, given);
}

export function sympyEqual(given: string, gold: string | null): boolean {
  const g = prmNormalize(gold);
  const a = prmNormalize(given);
  if (g === null || a === null) return false;
  if (g === a) return true;
  if (a.length === 0) return false;
  const gElems = splitTuple(g);
  const aElems = splitTuple(a);
  if (gElems.length > 1 && (g[0] !== a[0] || g[g.length - 1] !== a[a.length - 1])) return false;
  if (gElems.length !== aElems.length) return false;
  for (let k = 0; k < gElems.length; k++) {
    const [ge, ae] = [gElems[k]!, aElems[k]!];
    let ok: boolean;
    if (isFrac(ge) && isFrac(ae)) ok = ge === ae;
    else if (strIsInt(ge) !== strIsInt(ae)) ok = false;
    else ok = equalUnderSympy(ge, ae);
    if (!ok) return false;
  }
  return true;
}
