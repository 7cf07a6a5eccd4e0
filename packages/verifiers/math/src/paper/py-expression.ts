/**
 * A small evaluator for the Python-syntax expressions the paper's grader hands to
 * `sympy.parse_expr` (with implicit multiplication): numbers, `+ - * / ** ^`, brackets,
 * `sqrt(…)`, `pi`, and single-letter symbols. Symbols are given values so that
 * `simplify(a - b) == 0` can be checked by evaluating `a - b` at a few points.
 * Anything else (commas, unicode relations, unknown functions) is a parse failure, which the
 * paper's code also treats as "not equal".
 */
type Token = { kind: 'num'; value: number } | { kind: 'name'; name: string } | { kind: 'op'; op: string };

function tokenize(s: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s+|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([a-z_]+)|(\*\*|[-+*/()^])/giy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < s.length && (m = re.exec(s)) !== null) {
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', name: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', op: m[3] === '^' ? '**' : m[3] });
  }
  return at === s.length ? tokens : undefined;
}

/** Multi-letter names split into letters (sympy's `split_symbols`), except the known ones. */
function splitNames(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'name' || t.name === 'pi' || t.name === 'sqrt') out.push(t);
    else for (const ch of t.name) out.push({ kind: 'name', name: ch });
  }
  return out;
}

type Env = (name: string) => number;

class Parser {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly env: Env,
  ) {}
  private peek(): Token | undefined {
    return this.t[this.i];
  }
  private isOp(op: string): boolean {
    const p = this.peek();
    return p?.kind === 'op' && p.op === op;
  }
  parse(): number {
    const v = this.sum();
    if (this.i !== this.t.length) throw new Error('trailing');
    return v;
  }
  private sum(): number {
    let v = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.t[this.i++] as { op: string }).op;
      const r = this.product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }
  private startsFactor(): boolean {
    const p = this.peek();
    return p !== undefined && (p.kind !== 'op' || p.op === '(');
  }
  private product(): number {
    let v = this.unary();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = (this.t[this.i++] as { op: string }).op;
        const r = this.unary();
        v = op === '*' ? v * r : v / r;
      } else if (this.startsFactor()) v *= this.power(); // implicit multiplication
      else return v;
    }
  }
  private unary(): number {
    if (this.isOp('-')) {
      this.i++;
      return -this.unary();
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    return this.power();
  }
  private power(): number {
    const base = this.atom();
    if (this.isOp('**')) {
      this.i++;
      return base ** this.unary();
    }
    return base;
  }
  private atom(): number {
    const t = this.t[this.i++];
    if (!t) throw new Error('end');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'op') {
      if (t.op !== '(') throw new Error('op');
      const v = this.sum();
      if (!this.isOp(')')) throw new Error('bracket');
      this.i++;
      return v;
    }
    if (t.name === 'pi') return Math.PI;
    if (t.name === 'sqrt') {
      if (!this.isOp('(')) throw new Error('sqrt');
      return Math.sqrt(this.atom());
    }
    return this.env(t.name);
  }
}

/** The value of `expr` with symbols from `env`, or undefined when sympy would fail to parse it. */
export function evaluatePython(expr: string, env: Env): number | undefined {
  const tokens = tokenize(expr);
  if (!tokens) return undefined;
  try {
    return new Parser(splitNames(tokens), env).parse();
  } catch {
    return undefined;
  }
}

const POINTS = [0.5772156649, 1.4142135623, 2.7182818284];

/**
 * `sympy.simplify(a - b) == 0`, checked at a few points for the symbols. Decimal literals make
 * sympy floats, and a float difference is 0 only when the values agree to the last bit, so a
 * tight relative tolerance stands in for it.
 */
export function sameUnderSympy(a: string, b: string): boolean {
  const letters = [...new Set((a + b).match(/[a-z]/g) ?? [])];
  for (const p of POINTS) {
    const env = (name: string) => p + letters.indexOf(name) * 0.731;
    const va = evaluatePython(a, env);
    const vb = evaluatePython(b, env);
    if (va === undefined || vb === undefined || !Number.isFinite(va) || !Number.isFinite(vb)) return false;
    if (Math.abs(va - vb) > 1e-12 * Math.max(1, Math.abs(va), Math.abs(vb))) return false;
    if (letters.length === 0) return true;
  }
  return true;
}
