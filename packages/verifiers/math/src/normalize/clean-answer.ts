import { unicodeToLatex } from './unicode.js';
import { isUnitText, stripBareUnits } from './units.js';
import { matchBrace, wrapsWhole } from '../parse/scan.js';

/** A final answer with formatting removed, plus the facts the formatting carried. */
export interface CleanAnswer {
  text: string;
  /** The answer was written as a percentage (`25\%`, `25 percent`). */
  percent: boolean;
}

const TEXT_COMMANDS = /\\(?:text|textnormal|textrm|textbf|textit|mathrm|mathbf|mathit|mathsf|mathtt|mbox|rm|bf|boldsymbol|operatorname\*?)\s*\{/g;

/** Replace `\text{…}`-style wrappers by their content; unit-only bodies after math are dropped. */
function unwrapText(s: string): string {
  let out = s;
  for (let guard = 0; guard < 50; guard++) {
    TEXT_COMMANDS.lastIndex = 0;
    const m = TEXT_COMMANDS.exec(out);
    if (!m) return out;
    const open = m.index + m[0].length - 1;
    const close = matchBrace(out, open);
    if (close === -1) return out.slice(0, m.index) + out.slice(open + 1);
    const body = out.slice(open + 1, close);
    const before = out.slice(0, m.index);
    const keep = isUnitText(body) && /[\d})]\s*$/.test(before) ? ' ' : ` ${body} `;
    let after = out.slice(close + 1);
    if (keep === ' ') after = after.replace(/^\s*(?:\^\s*\{?\s*[23]\s*\}?)/, '');
    out = before + keep + after;
  }
  return out;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A whole answer spelled as a small number word ("five") -> its digits. */
function numberWordToDigits(s: string): string {
  const k = NUMBER_WORDS.indexOf(s.trim().toLowerCase());
  return k === -1 ? s : String(k);
}

/** `\boxed{X}` around a whole gold answer -> `X`. */
function unbox(s: string): string {
  const m = /^\\(?:boxed|fbox)\s*\{/.exec(s);
  if (!m) return s;
  const close = matchBrace(s, m[0].length - 1);
  return close === s.length - 1 ? s.slice(m[0].length, -1) : s;
}

const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\\(?:left|right)\s*\./g, ''],
  [/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![a-zA-Z])/g, ''],
  [/\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])/g, ''],
  [/\\(?:d|t|c)frac(?![a-zA-Z])/g, '\\frac'],
  [/\\(?:d|t)binom(?![a-zA-Z])/g, '\\binom'],
  // `{,}` before exactly three digits separates thousands (`10{,}000`); before other digits it is
  // a decimal comma (`2{,}75`, the European LaTeX spelling).
  [/(\d)\{\s*,\s*\}(?=\d{3}(?!\d))/g, '$1'],
  [/(\d)\{\s*,\s*\}(?=\d)/g, '$1.'],
  [/\{\s*,\s*\}/g, ''],
  // `11,\! 111`: a thousands separator, also with a space after it (not a list `11, 111`).
  [/(\d),\\!\s*(?=\d{3}(?!\d))/g, '$1'],
  [/(?<!\\)\\!/g, ''],
  // Ordinals: `12th`, `12^{th}`, `12^{\text{th}}`, `12\text{th}` are the number.
  [/(\d)\s*(?:\^\s*\{\s*(?:\\(?:text|mathrm)\s*\{\s*)?(?:st|nd|rd|th)\s*\}?\s*\}|\\(?:text|mathrm)\s*\{\s*(?:st|nd|rd|th)\s*\}|(?:st|nd|rd|th)(?![a-zA-Z]))/g, '$1'],
  // Ångström and arc-second/minute marks after a number are units: `9.6 \AA`, `0.003''`, `0.003^{\prime\prime}`.
  [/(?<=[\d}.])\s*(?:\\AA(?![a-zA-Z])|\\mathring\s*\{\s*A\s*\}|Å)\s*$/g, ''],
  [/(?<=\d)\s*(?:\^\s*\{\s*\\prime(?:\s*\\prime)?\s*\}|\^\s*\\prime(?:\s*\\prime)?|\\prime(?:\s*\\prime)?|''|'|")\s*$/g, ''],
  [/\\(?:qquad|quad)(?![a-zA-Z])|(?<!\\)\\[,;:> ]|~/g, ' '],
  [/\\(?:leqslant|leq|le)(?![a-zA-Z])|<=|=</g, '\\le '],
  [/\\(?:geqslant|geq|ge)(?![a-zA-Z])|>=|=>/g, '\\ge '],
  [/\\(?:neq|ne)(?![a-zA-Z])|!=/g, '\\ne '],
  [/\\lt(?![a-zA-Z])/g, '<'],
  [/\\gt(?![a-zA-Z])/g, '>'],
  [/\\(?:emptyset|varnothing)(?![a-zA-Z])|\\\{\s*\\\}/g, '\\{\\}'],
  [/\\mathbb\s*\{?R\}?/g, '(-\\infty,\\infty)'],
  [/\+\s*\\infty/g, '\\infty'],
  [/\\infin(?:ity)?(?![a-zA-Z])/g, '\\infty'],
  [/\\(?:degree)(?![a-zA-Z])/g, '^\\circ'],
  [/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ/g, '^{\\circ}'],
  [/\\%|%/g, ' \\% '],
  // Currency signs before an amount (`€45`, `\pounds 3`, `¥1{,}000`): the amount is the answer.
  [/(?:[€£¥₹₩]|\\(?:euro|pounds|yen|textsterling|texteuro)(?![a-zA-Z]))\s*(?=-?\s*\d)/g, ''],
];

/** Normalise the formatting of one final answer (gold or extracted). Pure string work. */
export function cleanAnswer(raw: string): CleanAnswer {
  // Answers on separate lines (blank line between them) are a list.
  let s = unicodeToLatex(raw).trim().replace(/\s*\n\s*\n\s*/g, ', ').replace(/\s+/g, ' ');
  s = s.replace(/^\$+|\$+$/g, '').replace(/^\\\(|\\\)$/g, '').replace(/^\\\[|\\\]$/g, '').trim();
  s = unbox(s.trim());
  s = s.replace(/\\\$/g, ' ').replace(/\$/g, ' ');
  for (const [re, to] of REPLACEMENTS) s = s.replace(re, to);
  // A parenthetical note after the answer: "\quad\text{(approximately }4.148\text{)}".
  s = s.replace(/\s*\\text\s*\{\s*\((?:approx|about|roughly|which|or|i\.e|rounded|to )[\s\S]*$/i, '');
  s = unwrapText(s);
  s = s.replace(/\s*\((?:approx|about|roughly|rounded)[^()]*\)\s*$/i, '');
  let percent = false;
  if (/\\%/.test(s) || /(?:\bpercent|\bpct)\.?\s*$/i.test(s)) {
    percent = true;
    s = s.replace(/\\%/g, ' ').replace(/(?:\bpercent|\bpct)\.?\s*$/i, ' ');
  }
  s = s.replace(/\s+/g, ' ').trim();
  s = stripBareUnits(s);
  // A trailing degree sign on a whole answer is notation, not arithmetic.
  // (Inside a trig function it is arithmetic: `\cos 45^\circ` stays in degrees.)
  if (!/\\(?:sin|cos|tan|cot|sec|csc)/.test(s)) s = s.replace(/\^\{\\circ\}\s*$/, '').replace(/\\circ\s*$/, '');
  s = s.replace(/^(?:the\s+)?answer\s*(?:is)?\s*:?\s*/i, '');
  if (s.startsWith('{') && wrapsWhole(s, 0)) s = s.slice(1, -1);
  s = numberWordToDigits(s);
  s = s.replace(/[\s.,;]+$/, '').replace(/^[\s:,]+/, '').trim();
  return { text: s, percent };
}
