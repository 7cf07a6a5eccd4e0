import type { Budget } from '../budget.js';
import type { Json } from '../parse/latex-to-json.js';
import { add, bitLength, div, isInteger, mul, neg, ONE, parseDecimal, rat, sub, type Rational } from './rational.js';

/** Caps that keep exact arithmetic small: 2^99 and 2006! are fine, 5^(5^3125) is refused. */
const MAX_RESULT_BITS = 60_000;
const MAX_FACTORIAL = 3000;
const MAX_BINOMIAL_N = 20_000;

/** A MathJSON number as an exact rational (decimals via their shortest decimal spelling). */
export function numberValue(node: Json): Rational | undefined {
  if (typeof node === 'number') {
    if (Number.isSafeInteger(node)) return rat(BigInt(node));
    return Number.isFinite(node) ? parseDecimal(String(node).replace('e+', 'e')) : undefined;
  }
  if (typeof node === 'object' && !Array.isArray(node) && 'num' in node) {
    return parseDecimal(node.num.replace(/n$/, '').replace('e+', 'e'));
  }
  return undefined;
}

function power(base: Rational, exp: Rational): Rational | undefined {
  if (!isInteger(exp)) return undefined;
  const e = exp.n < 0n ? -exp.n : exp.n;
  const bits = Math.max(bitLength(base.n), bitLength(base.d));
  if (bits > 1 && Number(e) * bits > MAX_RESULT_BITS) return undefined;
  if (bits <= 1 && e > 1_000_000n) return base.n === 0n ? undefined : rat(base.n ** (e % 2n), 1n);
  if (base.n === 0n && exp.n < 0n) return undefined;
  const r = rat(base.n ** e, base.d ** e);
  return exp.n < 0n ? div(ONE, r) : r;
}

function factorial(x: Rational): Rational | undefined {
  if (!isInteger(x) || x.n < 0n || x.n > BigInt(MAX_FACTORIAL)) return undefined;
  let f = 1n;
  for (let k = 2n; k <= x.n; k++) f *= k;
  return rat(f);
}

function binomial(n: Rational, k: Rational): Rational | undefined {
  if (!isInteger(n) || !isInteger(k) || n.n < 0n || n.n > BigInt(MAX_BINOMIAL_N)) return undefined;
  if (k.n < 0n || k.n > n.n) return rat(0n);
  const kk = k.n < n.n - k.n ? k.n : n.n - k.n;
  let r = 1n;
  for (let j = 1n; j <= kk; j++) r = (r * (n.n - kk + j)) / j;
  return rat(r);
}

function isqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let y = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (y * y > x) y--;
  while ((y + 1n) * (y + 1n) <= x) y++;
  return y;
}

function sqrt(x: Rational): Rational | undefined {
  if (x.n < 0n || bitLength(x.n) > 2000 || bitLength(x.d) > 2000) return undefined;
  const a = isqrt(x.n);
  const b = isqrt(x.d);
  return a * a === x.n && b * b === x.d ? rat(a, b) : undefined;
}

/**
 * `2\frac{5}{9}`: an integer literal juxtaposed with a fraction of literals is a mixed number
 * (`-3\frac14` is -3.25: the sign applies to the whole).
 */
export function isMixedNumber(node: Json): boolean {
  if (!Array.isArray(node) || node[0] !== 'InvisibleOperator' || node.length !== 3) return false;
  const [, signed, frac] = node;
  const whole = Array.isArray(signed) && signed[0] === 'Negate' && signed.length === 2 ? signed[1] : signed;
  return (
    typeof whole === 'number' &&
    Number.isInteger(whole) &&
    Array.isArray(frac) &&
    frac[0] === 'Divide' &&
    typeof frac[1] === 'number' &&
    typeof frac[2] === 'number' &&
    Number.isInteger(frac[1]) &&
    Number.isInteger(frac[2])
  );
}

/**
 * Evaluate a numbers-only MathJSON tree exactly; undefined when it has symbols, irrational
 * operations or would exceed the caps (the numeric path then takes over).
 */
export function exactValue(node: Json, budget: Budget): Rational | undefined {
  budget.tick();
  const direct = numberValue(node);
  if (direct || !Array.isArray(node)) return direct;
  const [head, ...args] = node;
  const vals: Rational[] = [];
  for (const a of args) {
    const v = exactValue(a, budget);
    if (!v) return undefined;
    vals.push(v);
  }
  const [x, y] = vals;
  try {
    switch (head) {
      case 'Add':
        return vals.reduce(add);
      case 'Subtract':
        return vals.length === 1 ? neg(x!) : vals.reduce(sub);
      case 'Negate':
        return neg(x!);
      case 'Multiply':
        return vals.reduce(mul);
      case 'InvisibleOperator':
        if (!isMixedNumber(node)) return vals.reduce(mul);
        return x!.n < 0n ? sub(x!, y!) : add(x!, y!);
      case 'Divide':
      case 'Rational':
        return vals.length === 2 ? div(x!, y!) : undefined;
      case 'Power':
        return vals.length === 2 ? power(x!, y!) : undefined;
      case 'Factorial':
        return factorial(x!);
      case 'Binomial':
        return binomial(x!, y!);
      case 'Sqrt':
        return sqrt(x!);
      case 'Abs':
        return x!.n < 0n ? neg(x!) : x;
      case 'Delimiter':
        return vals.length === 1 ? x : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined; // division by zero
  }
}
