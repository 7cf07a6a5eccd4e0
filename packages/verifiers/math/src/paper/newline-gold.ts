/**
 * What Math-Verify's `parse` makes of a string wrapped as `$…$` whose content holds a newline
 * (every Minerva gold: they end in `\n`). The inline `$…$` pattern cannot span a newline, so the
 * LaTeX is never parsed as a whole; the lowest-priority patterns take over, the match ending
 * right-most first: a bare `\frac{n}{m}` of plain numbers, an operator expression such as
 * ` 10^9` (prefixed by a space, `=` or the start, optionally behind a currency sign, where the
 * wrapping `$` counts as one), or a plain number. So `1.07 \times 10^{16}\n` is read as `10`,
 * `6e13\n` as `6` and `1 + i\sqrt{3}\n` as `1`: the official grader then accepts `\boxed{10}`
 * for the first. Returns the LaTeX of the number read, or undefined when nothing matches.
 */
const NUMBER = String.raw`(?<!\d)(?:(-?[1-9]\d{0,2}(?:[ ,]\d{3})+)(\.\d+)?|(-?\d+)([.,]\d+)|(\.\d+)|(-?\d+))`;
const EXPR_CHARS = String.raw`[\d.\s+\-*×/^()÷]`;
const EXPR = String.raw`(-?\(?-?\d${EXPR_CHARS}*[+\-*×/^()÷]${EXPR_CHARS}+\)?)`;
const PREFIX = String.raw`(?:^|\s|=)(?:\*\*)?`;
const SUFFIX = String.raw`(?:\*\*)?(?:\.|,|:|\s|\)|\$|$)`;
const CURRENCY = '[$€£¥₹₽₪₩₫฿]';

interface Candidate {
  start: number;
  end: number;
  latex: string;
}

function all(re: RegExp, s: string, toLatex: (m: RegExpExecArray) => string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const latex = toLatex(m);
    if (latex !== undefined) out.push({ start: m.index, end: m.index + m[0].length, latex });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function numberLatex(m: RegExpExecArray, offset: number): string | undefined {
  const integer = m[offset + 1] ?? m[offset + 3] ?? m[offset + 6] ?? '';
  const decimal = m[offset + 2] ?? m[offset + 4] ?? m[offset + 5] ?? '';
  const text = (integer.replace(/[ ,]/g, '') + decimal.replace(',', '.')).trim();
  return text === '' ? undefined : text;
}

export function readNewlineWrapped(wrapped: string): string | undefined {
  const fracs = all(/-?\\frac\{(-?\d+(?:[.,]\d+)?)\}\{(-?\d+(?:[.,]\d+)?)\}/g, wrapped, (m) => `${m[0].startsWith('-') ? '-' : ''}\\frac{${m[1]}}{${m[2]}}`);
  const exprs = all(new RegExp(`${PREFIX}${EXPR}${SUFFIX}`, 'g'), wrapped, (m) => m[1]!.trim().replace(/×/g, '*'));
  const numbers = all(new RegExp(`${PREFIX}${CURRENCY}?${NUMBER}`, 'g'), wrapped, (m) => numberLatex(m, 0));
  const candidates = [...fracs, ...exprs, ...numbers].sort((a, b) => b.end - a.end || a.start - b.start);
  return candidates[0]?.latex;
}
