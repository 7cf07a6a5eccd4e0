/**
 * Sums and products of literal matrices (`\begin{pmatrix}…\end{pmatrix} \begin{pmatrix}…`),
 * worked out entry by entry as LaTeX strings: each entry of the result is an expression the
 * scalar comparison can evaluate, so no matrix algebra beyond + and × is needed.
 */
const MATRIX_LITERAL = /\\begin\{([pbvBV]?matrix|array|smallmatrix)\}(?:\{[^{}]*\})?([\s\S]*?)\\end\{\1\}/g;
const MAX_MATRICES = 6;
const MAX_SIZE = 8;

type Grid = string[][];

/** Rows of a matrix body: `\\` ends a row, `&` separates entries. */
export function rowsOf(body: string): Grid {
  return body
    .split(/\\\\/)
    .map((row) => row.trim())
    .filter((row) => row !== '' && row !== '\\hline')
    .map((row) => row.split('&').map((cell) => cell.trim()));
}

function rectangular(m: Grid): boolean {
  const width = m[0]?.length ?? 0;
  return width > 0 && width <= MAX_SIZE && m.length <= MAX_SIZE && m.every((r) => r.length === width);
}

function multiply(a: Grid, b: Grid): Grid | undefined {
  if (a[0]!.length !== b.length) return undefined;
  return a.map((row) => b[0]!.map((_, j) => row.map((x, k) => `(${x})(${b[k]![j]})`).join('+')));
}

function combine(a: Grid, b: Grid, sign: '+' | '-'): Grid | undefined {
  if (a.length !== b.length || a[0]!.length !== b[0]!.length) return undefined;
  return a.map((row, i) => row.map((x, j) => `(${x})${sign}(${b[i]![j]})`));
}

/** The matrix an expression of literal matrices stands for; undefined for anything else. */
export function evaluateMatrixExpression(s: string): Grid | undefined {
  const literals: Grid[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of s.matchAll(MATRIX_LITERAL)) {
    gaps.push(s.slice(last, m.index).replace(/[[\]()]/g, '').trim());
    literals.push(rowsOf(m[2]!));
    last = m.index + m[0].length;
    if (literals.length > MAX_MATRICES) return undefined;
  }
  if (literals.length < 2 || s.slice(last).replace(/[[\]()]/g, '').trim() !== '' || gaps[0] !== '') return undefined;
  if (!literals.every(rectangular)) return undefined;
  // Products bind tighter than sums: fold each run of juxtaposed/\cdot/\times matrices first.
  let sum: Grid | undefined;
  let term: Grid = literals[0]!;
  let sign: '+' | '-' = '+';
  for (let k = 1; k < literals.length; k++) {
    const op = gaps[k]!;
    if (op === '' || op === '\\cdot' || op === '\\times') {
      const product = multiply(term, literals[k]!);
      if (!product) return undefined;
      term = product;
    } else if (op === '+' || op === '-') {
      sum = sum ? combine(sum, term, sign) : term;
      if (!sum) return undefined;
      term = literals[k]!;
      sign = op;
    } else {
      return undefined;
    }
  }
  return sum ? combine(sum, term, sign) : term;
}
