/**
 * Hendrycks' MATH answer normalisation (`mathd_normalize_answer` / `_strip_string`) as the
 * paper's grader runs it (understand-r1-zero's copy, which adds MathQA unit words). Reproduced
 * step by step, including what looks accidental:
 * - unit words are matched as regular expressions, so `"q ."` matches `q` + any character,
 *   and single letters (`t`, `a`, `h`, `s`, `m`, `c`, `d`, `g`, `l`, `o`) and `th`/`st`/`rd`
 *   are deleted when they stand alone (`12th` -> `12`, `s^2` -> `^2`);
 * - a second `\text{ ` makes the whole normalisation give up (an assert), as does an
 *   unfinished `\frac`/`\sqrt` at the end; the answer is then compared as written;
 * - `0.5` (and only that decimal) becomes `\frac{1}{2}`; `a/b` of two integers becomes a frac.
 */
import { PY_NON_WORD, pyStrip } from './python-text.js';

const BASE_UNITS = [
  'east', 'degree', 'mph', 'kmph', 'ft', 'm sqaure', ' m east', 'sq m', 'deg', 'mile', 'q .', 'monkey', 'prime',
  'ratio', 'profit of rs', 'rd', 'o', 'gm', 'p . m', 'lb', 'tile', 'per', 'dm', 'lt', 'gain', 'ab', 'way', 'west',
  'a .', 'b .', 'c .', 'd .', 'e .', 'f .', 'g .', 'h .', 't', 'a', 'h', 'no change', 'men', 'soldier', 'pie', 'bc',
  'excess', 'st', 'inches', 'noon', 'percent', 'by', 'gal', 'kmh', 'c', 'acre', 'rise', 'a . m', 'th', 'π r 2', 'sq',
  'mark', 'l', 'toy', 'coin', 'sq . m', 'gallon', '° f', 'profit', 'minw', 'yr', 'women', 'feet', 'am', 'pm', 'hr',
  'cu cm', 'square', 'v â € ™', 'are', 'rupee', 'rounds', 'cubic', 'cc', 'mtr', 's', 'ohm', 'number', 'kmph', 'day',
  'hour', 'minute', 'min', 'second', 'man', 'woman', 'sec', 'cube', 'mt', 'sq inch', 'mp', '∏ cm ³', 'hectare',
  'more', 'sec', 'unit', 'cu . m', 'cm 2', 'rs .', 'rs', 'kg', 'g', 'month', 'km', 'm', 'cm', 'mm', 'apple', 'liter',
  'loss', 'yard', 'pure', 'year', 'increase', 'decrease', 'd', 'less', 'Surface', 'litre', 'pi sq m', 's .', 'metre',
  'meter', 'inch',
];
/**
 * The MathQA unit words and their plurals, each used as a regex between non-word characters.
 * `literal` is the longest piece of the word without a regex `.`: the regex can only match
 * where that text occurs, so a cheap `includes` skips almost every one of the 260 regexes.
 */
const UNIT_PATTERNS = [...BASE_UNITS, ...BASE_UNITS.map((u) => `${u}s`)].map((u) => ({
  literal: u.split('.').reduce((a, b) => (b.length > a.length ? b : a), ''),
  re: new RegExp(`(^|${PY_NON_WORD})${u}($|${PY_NON_WORD})`, 'gu'),
}));

class GiveUp extends Error {}

function fixFracs(s: string): string {
  const parts = s.split('\\frac');
  let out = parts[0]!;
  for (const part of parts.slice(1)) {
    out += '\\frac';
    if (part.length === 0) throw new GiveUp(); // `substr[0]` on an empty piece raises
    if (part[0] === '{') {
      out += part;
      continue;
    }
    if (part.length < 2) return s;
    const [a, b] = [part[0]!, part[1]!];
    const rest = part.slice(2);
    out += b !== '{' ? `{${a}}{${b}}${rest}` : `{${a}}${b}${rest}`;
  }
  return out;
}

const CANONICAL_INT = /^(?:0|-?[1-9]\d*)$/;

function fixSlash(s: string): string {
  const parts = s.split('/');
  if (parts.length !== 2) return s;
  const [a, b] = parts as [string, string];
  // `int(a)`, `int(b)` and `s == f"{a}/{b}"`: both must be written as canonical integers.
  if (!CANONICAL_INT.test(a) || !CANONICAL_INT.test(b)) return s;
  return `\\frac{${a}}{${b}}`;
}

function removeRightUnits(s: string): string {
  if (!s.includes('\\text{ ')) return s;
  const parts = s.split('\\text{ ');
  if (parts.length !== 2) throw new GiveUp();
  return parts[0]!;
}

function fixSqrt(s: string): string {
  if (!s.includes('\\sqrt')) return s;
  const parts = s.split('\\sqrt');
  let out = parts[0]!;
  for (const part of parts.slice(1)) {
    if (part.length === 0) throw new GiveUp();
    out += part[0] !== '{' ? `\\sqrt{${part[0]}}${part.slice(1)}` : `\\sqrt${part}`;
  }
  return out;
}

/** `_strip_string`; throws GiveUp where the Python raises. */
function stripString(input: string): string {
  let s = input.replaceAll('\n', '').replaceAll('\\!', '').replaceAll('\\\\', '\\');
  s = s.replace(/\\begin\{array\}\{[^\n]*?\}/g, '\\begin{pmatrix}').replace(/\\end\{array\}/g, '\\end{pmatrix}');
  s = s.replaceAll('bmatrix', 'pmatrix').replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\neq', '\\ne').replaceAll('\\leq', '\\le').replaceAll('\\geq', '\\ge');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '');
  const noTrailingText = pyStrip(s.replace(/\\text\{[^\n]*?\}$/, ''));
  if (noTrailingText !== '' && noTrailingText !== s) s = noTrailingText;
  for (let pass = 0; pass < 2; pass++) {
    for (const unit of UNIT_PATTERNS) {
      if (!s.includes(unit.literal)) continue;
      const next = s.replace(unit.re, '$1$2');
      if (next !== '') s = next;
    }
  }
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '').replaceAll('\\$', '');
  s = removeRightUnits(s);
  s = s.replaceAll('\\%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (s.length === 0) return s;
  if (s[0] === '.') s = `0${s}`;
  const eqParts = s.split('=');
  if (eqParts.length === 2 && eqParts[0]!.length <= 2) s = eqParts[1]!;
  s = fixSqrt(s).replaceAll(' ', '');
  s = fixFracs(s);
  if (s === '0.5') s = '\\frac{1}{2}';
  return fixSlash(s);
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** `mathd_normalize_answer`: strip, unwrap a whole `\text{…}`, then `_strip_string` (memoised). */
export function mathdNormalize(answer: string | null): string | null {
  if (answer === null) return null;
  const hit = cache.get(answer);
  if (hit !== undefined) return hit;
  const normal = mathdNormalizeUncached(answer);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(answer, normal);
  return normal;
}

function mathdNormalizeUncached(answer: string): string {
  let s = pyStrip(answer);
  const m = /^\\text\{([^\n]+?)\}$/.exec(s);
  if (m) s = pyStrip(m[1]!);
  try {
    return stripString(s);
  } catch (err) {
    if (err instanceof GiveUp) return s;
    throw err;
  }
}

/** `grade_answer_mathd`: equal after Hendrycks normalisation. */
export function mathdEqual(given: string, gold: string | null): boolean {
  return mathdNormalize(gold) === mathdNormalize(given);
}
