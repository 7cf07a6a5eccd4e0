import { add, div, parseDecimal, rat, sub, type Rational } from '../math/rational.js';

/** A number written out literally, read exactly. `inexact`: it has decimals (maybe rounded). */
export interface NumberLiteral {
  value: Rational;
  inexact: boolean;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_SPACE = /^[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?$/;
const SCIENTIFIC = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(?:\\times|\\cdot|\*|x)\s*10\s*\^\s*\{?\s*([+-]?\d{1,4})\s*\}?$/;
const E_NOTATION = /^([+-]?(?:\d+\.?\d*|\.\d+))[eE]([+-]?\d{1,4})$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;
const MIXED = /^(\d+)\s+(\d+)\s*\/\s*(\d+)$/;
const REPEATING = /^([+-]?)(\d*)\.(\d*)\((\d+)\)$/;

function decimal(s: string): NumberLiteral | undefined {
  const value = parseDecimal(s);
  return value && { value, inexact: /\.\d*[1-9]/.test(s) };
}

/** `0.1(6)` = 1/6: the digits in parentheses repeat forever. */
function repeating(m: RegExpExecArray): NumberLiteral {
  const [, sign, whole, fixed, period] = m as unknown as [string, string, string, string, string];
  const base = parseDecimal(`${whole || '0'}.${fixed || '0'}`)!;
  const scale = 10n ** BigInt(fixed.length);
  const rep = rat(BigInt(period), (10n ** BigInt(period.length) - 1n) * scale);
  const v = add(base, rep);
  return { value: sign === '-' ? sub(rat(0n), v) : v, inexact: false };
}

/**
 * Read a plain numeric literal: integers, decimals, `1,234.5`, `1 234`, `3 \times 10^{8}`,
 * `1.5e8`, `7/3`, `2 1/3` (mixed), `0.(3)`. Undefined for anything else (that is the
 * expression parser's job).
 */
export function parseNumberLiteral(raw: string): NumberLiteral | undefined {
  const s = raw.trim();
  if (s.length > 400) return undefined;
  if (DECIMAL.test(s)) return decimal(s);
  if (THOUSANDS_COMMA.test(s)) return decimal(s.replace(/,/g, ''));
  if (THOUSANDS_SPACE.test(s)) return decimal(s.replace(/ /g, ''));
  const sci = SCIENTIFIC.exec(s) ?? E_NOTATION.exec(s);
  if (sci) {
    const mant = decimal(sci[1]!);
    const exp = Number(sci[2]);
    if (!mant) return undefined;
    const p = rat(10n ** BigInt(Math.abs(exp)));
    return { value: exp >= 0 ? rat(mant.value.n * p.n, mant.value.d) : div(mant.value, p), inexact: mant.inexact };
  }
  const frac = FRACTION.exec(s);
  if (frac && frac[2] !== '0') return { value: rat(BigInt(frac[1]!), BigInt(frac[2]!)), inexact: false };
  const mixed = MIXED.exec(s);
  if (mixed && mixed[3] !== '0') {
    return { value: add(rat(BigInt(mixed[1]!)), rat(BigInt(mixed[2]!), BigInt(mixed[3]!))), inexact: false };
  }
  const rep = REPEATING.exec(s);
  return rep ? repeating(rep) : undefined;
}

/** `1000,99` read with a decimal comma (only offered when the other side is a single number). */
export function parseDecimalComma(raw: string): NumberLiteral | undefined {
  const m = /^([+-]?\d+),(\d+)$/.exec(raw.trim());
  return m ? decimal(`${m[1]}.${m[2]}`) : undefined;
}
