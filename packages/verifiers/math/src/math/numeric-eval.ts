import type { Budget } from '../budget.js';
import type { Json } from '../parse/latex-to-json.js';
import { numberValue, isMixedNumber } from './exact-eval.js';
import { toNumber } from './rational.js';
import { c, cabs, cadd, ccos, cdiv, cexp, clog, cmul, cpow, csin, csqrt, csub, type Complex } from './complex.js';

export type Env = (name: string) => Complex;

const CONSTANTS: Record<string, Complex> = {
  Pi: c(Math.PI),
  ExponentialE: c(Math.E),
  e: c(Math.E),
  i: c(0, 1),
  ImaginaryUnit: c(0, 1),
  Half: c(0.5),
};

const real = (f: (x: number) => number) => (z: Complex) => (z.im === 0 ? c(f(z.re)) : undefined);

const UNARY: Record<string, (z: Complex) => Complex | undefined> = {
  Sin: csin,
  Cos: ccos,
  Tan: (z) => cdiv(csin(z), ccos(z)),
  Cot: (z) => cdiv(ccos(z), csin(z)),
  Sec: (z) => cdiv(c(1), ccos(z)),
  Csc: (z) => cdiv(c(1), csin(z)),
  Arcsin: real(Math.asin),
  Arccos: real(Math.acos),
  Arctan: real(Math.atan),
  Sinh: real(Math.sinh),
  Cosh: real(Math.cosh),
  Tanh: real(Math.tanh),
  Exp: cexp,
  Ln: clog,
  Lb: (z) => cdiv(clog(z), c(Math.LN2)),
  Lg: (z) => cdiv(clog(z), c(Math.LN10)),
  Sqrt: csqrt,
  Abs: (z) => c(cabs(z)),
  Floor: real(Math.floor),
  Ceil: real(Math.ceil),
  Degrees: (z) => cmul(z, c(Math.PI / 180)),
  Negate: (z) => c(-z.re, -z.im),
  Factorial: (z) => {
    if (z.im !== 0 || !Number.isInteger(z.re) || z.re < 0 || z.re > 170) return undefined;
    let f = 1;
    for (let k = 2; k <= z.re; k++) f *= k;
    return c(f);
  },
};

const INVERSE: Record<string, string> = { Sin: 'Arcsin', Cos: 'Arccos', Tan: 'Arctan' };

/** Heads that only make sense at integers: their variables are sampled at integers. */
const INTEGER_HEADS = new Set(['Floor', 'Ceil', 'Factorial', 'Factorial2', 'Binomial', 'Mod', 'Round']);

function walk(node: Json, visit: (n: Json) => boolean): boolean {
  const stack: Json[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n)) return true;
    if (Array.isArray(n)) for (let k = 1; k < n.length; k++) stack.push(n[k]!);
  }
  return false;
}

/** |x| = x on positive samples: expressions with these heads are also sampled at negatives. */
export function usesSignSensitive(node: Json): boolean {
  return walk(node, (n) => Array.isArray(n) && (n[0] === 'Abs' || n[0] === 'Sign' || n[0] === 'Max' || n[0] === 'Min'));
}

export function usesIntegerFunctions(node: Json): boolean {
  return walk(node, (n) => Array.isArray(n) && INTEGER_HEADS.has(n[0] as string));
}

/** True when the tree mentions a variable (a symbol that is not a known constant). */
export function hasFreeSymbol(node: Json): boolean {
  return walk(node, (n) => {
    const name = symbolName(n);
    return name !== undefined && !(name in CONSTANTS) && !/^'|Infinity/.test(name) && !(name in UNARY);
  }) || walk(node, (n) => Array.isArray(n) && (n[0] === 'Subscript' || n[0] === 'Prime'));
}

function symbolName(node: Json): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && !Array.isArray(node) && 'sym' in node) return node.sym;
  return undefined;
}

/**
 * Evaluate MathJSON at one sample point (free variables from `env`) in complex doubles.
 * Undefined when the tree uses something we do not model (sums, integrals, unknown heads).
 */
export function numericValue(node: Json, env: Env, budget: Budget): Complex | undefined {
  budget.tick();
  const num = numberValue(node);
  if (num) return c(toNumber(num));
  const name = symbolName(node);
  if (name !== undefined) {
    if (name in CONSTANTS) return CONSTANTS[name];
    if (/^'|Infinity|NaN|Nothing|Error/.test(name) || name in UNARY) return undefined;
    return env(name);
  }
  if (!Array.isArray(node)) return undefined;
  const [head, ...args] = node;
  if (head === 'Subscript' || head === 'Prime') return env(JSON.stringify(node));
  if (head === 'Apply' && Array.isArray(args[0]) && args[0][0] === 'InverseFunction') {
    const inv = INVERSE[symbolName(args[0][1]!) ?? ''];
    const arg = args[1] === undefined ? undefined : numericValue(args[1], env, budget);
    return inv && arg ? UNARY[inv]!(arg) : undefined;
  }
  if (head === 'InvisibleOperator') return juxtaposition(node, args, env, budget);
  const vals: Complex[] = [];
  for (const a of args) {
    const v = numericValue(a, env, budget);
    if (!v) return undefined;
    vals.push(v);
  }
  const [x, y] = vals;
  if (typeof head !== 'string' || x === undefined) return undefined;
  switch (head) {
    case 'Add':
      return vals.reduce(cadd);
    case 'Subtract':
      return vals.length === 1 ? c(-x.re, -x.im) : vals.reduce(csub);
    case 'Multiply':
      return vals.reduce(cmul);
    case 'Divide':
    case 'Rational':
      return y && cdiv(x, y);
    case 'Power':
      return y && cpow(x, y);
    case 'Root':
      return y && cpow(x, cdiv(c(1), y));
    case 'Log':
      return cdiv(clog(x), y ? clog(y) : c(Math.LN10));
    case 'Binomial':
      return y && binomial(x, y);
    case 'Delimiter':
      return vals.length === 1 ? x : undefined;
    default:
      return vals.length === 1 && head in UNARY ? UNARY[head]!(x) : undefined;
  }
}

function binomial(n: Complex, k: Complex): Complex | undefined {
  if (n.im !== 0 || k.im !== 0 || !Number.isInteger(k.re) || k.re < 0 || k.re > 1000) return undefined;
  let r = 1;
  for (let j = 1; j <= k.re; j++) r = (r * (n.re - k.re + j)) / j;
  return c(r);
}

/** Juxtaposition: a product, a mixed number, or `\sqrt(2)` written with parentheses. */
function juxtaposition(node: Json, args: Json[], env: Env, budget: Budget): Complex | undefined {
  if (isMixedNumber(node)) {
    const [w, f] = args.map((a) => numericValue(a, env, budget));
    if (!w || !f) return undefined;
    return w.re < 0 ? csub(w, f) : cadd(w, f);
  }
  let product = c(1);
  for (let k = 0; k < args.length; k++) {
    const fn = symbolName(args[k]!);
    let v: Complex | undefined;
    if (fn !== undefined && fn in UNARY && k + 1 < args.length) {
      const arg = numericValue(args[++k]!, env, budget);
      v = arg && UNARY[fn]!(arg);
    } else {
      v = numericValue(args[k]!, env, budget);
    }
    if (!v) return undefined;
    product = cmul(product, v);
  }
  return product;
}
