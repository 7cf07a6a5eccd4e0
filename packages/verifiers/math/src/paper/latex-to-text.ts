/**
 * An approximation of pylatexenc's `LatexNodes2Text().latex_to_text`, the step the paper's
 * PRM800K-style normaliser uses to turn LaTeX into text for sympy. Notable behaviour kept:
 * `\frac{a+b}{c}` -> `a+b/c` (no brackets), `\sqrt[3]{x}` -> `√(x)` (the index is lost),
 * `\binom{5}{2}` -> `52`, a macro swallows the spaces after it, unknown macros vanish.
 */
const SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', pi: 'π', infty: '∞', cup: '∪', cap: '∩', le: '≤', leq: '≤', ge: '≥', geq: '≥',
  ne: '≠', neq: '≠', in: '∈', pm: '±', mp: '∓', to: '→', rightarrow: '→', approx: '≈', sim: '∼', circ: '∘',
  angle: '∠', ldots: '…', dots: '…', cdots: '⋯', prime: "'", emptyset: '∅', varnothing: '∅', subset: '⊂',
  odot: '⊙', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', div: '÷', hbar: 'ħ', AA: 'Å', lt: '<', gt: '>',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'ϕ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π',
  Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: ' ',
  qquad: ' ', '%': '%', $: '$', '&': '&', '#': '#', _: '_', '{': '{', '}': '}', '|': '', '\\': '\n',
  mathbb: '', triangle: '', displaystyle: '', left: '', right: '', bigl: '', bigr: '', big: '', Big: '',
};
const FUNCTIONS = new Set(['log', 'ln', 'sin', 'cos', 'tan', 'exp', 'sec', 'csc', 'cot', 'arcsin', 'arccos',
  'arctan', 'sinh', 'cosh', 'tanh', 'det', 'gcd', 'lcm', 'max', 'min', 'lim', 'deg', 'arg', 'dim', 'ker']);
const ONE_ARG = new Set(['text', 'textbf', 'textit', 'textrm', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathcal',
  'operatorname', 'overline', 'underline', 'boxed', 'mbox', 'emph', 'hat', 'vec', 'dot', 'ddot', 'bar', 'tilde',
  'widehat', 'mathbb', 'fbox', 'textnormal']);

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  /** One argument: a `{…}` group or a single token. */
  arg(): string {
    this.skipSpace();
    if (this.s[this.i] === '{') return this.group();
    if (this.s[this.i] === '\\') return this.macro();
    return this.s[this.i++] ?? '';
  }
  group(): string {
    this.i++; // '{'
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== '}') out += this.node();
    this.i++; // '}'
    return out;
  }
  macro(): string {
    this.i++; // '\'
    const m = /^[a-zA-Z]+/.exec(this.s.slice(this.i));
    const name = m ? m[0] : (this.s[this.i] ?? '');
    this.i += name.length;
    if (m) this.skipSpace();
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') return `${this.arg()}/${this.arg()}`;
    if (name === 'binom') return `${this.arg()}${this.arg()}`;
    if (name === 'sqrt') {
      if (this.s[this.i] === '[') {
        const close = this.s.indexOf(']', this.i);
        this.i = close === -1 ? this.s.length : close + 1;
      }
      return `√(${this.arg()})`;
    }
    if (ONE_ARG.has(name)) return this.arg();
    if (name === 'begin' || name === 'end') {
      this.arg();
      return '';
    }
    if (FUNCTIONS.has(name)) return name;
    return SYMBOLS[name] ?? '';
  }
  node(): string {
    const ch = this.s[this.i]!;
    if (ch === '\\') return this.macro();
    if (ch === '{') return this.group();
    this.i++;
    if (ch === '~') return '\u00a0';
    if (ch === '%') {
      const nl = this.s.indexOf('\n', this.i);
      this.i = nl === -1 ? this.s.length : nl + 1;
      return '';
    }
    if (ch === '&') return ' ';
    return ch === '$' ? '' : ch;
  }
}

export function latexToText(latex: string): string {
  const r = new Reader(latex);
  let out = '';
  while (r.i < latex.length) out += r.node();
  return out;
}
