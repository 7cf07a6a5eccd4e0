/** Unicode math written by models (√, −, ×, ≤, π, ², ½ …) rewritten as LaTeX. */
const SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/[−–—‒]/g, '-'],
  [/×/g, '\\times '],
  [/[·⋅∙]/g, '\\cdot '],
  [/÷/g, '\\div '],
  [/≤|⩽/g, '\\le '],
  [/≥|⩾/g, '\\ge '],
  [/≠/g, '\\ne '],
  [/≈/g, '\\approx '],
  [/π/g, '\\pi '],
  [/∞/g, '\\infty '],
  [/°/g, '^\\circ '],
  [/∪/g, '\\cup '],
  [/∩/g, '\\cap '],
  [/∈/g, '\\in '],
  [/±/g, '\\pm '],
  [/θ/g, '\\theta '],
  [/α/g, '\\alpha '],
  [/β/g, '\\beta '],
  [/∅/g, '\\emptyset '],
  [/½/g, '\\frac{1}{2}'],
  [/⅓/g, '\\frac{1}{3}'],
  [/¼/g, '\\frac{1}{4}'],
  [/¾/g, '\\frac{3}{4}'],
  [/²/g, '^{2}'],
  [/³/g, '^{3}'],
  [/[\u2009\u2002\u2003\u00a0\u202f]/g, ' '],
];

export function unicodeToLatex(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = s;
  for (const [re, latex] of SYMBOLS) out = out.replace(re, latex);
  // √ applies to the following number, letter, parenthesised or braced group.
  out = out.replace(/√\s*(\d+(?:\.\d+)?|[a-zA-Z]|\([^()]*\)|\{[^{}]*\})/g, (_, arg: string) => {
    const inner = /^[({]/.test(arg) ? arg.slice(1, -1) : arg;
    return `\\sqrt{${inner}}`;
  });
  return out.replace(/∛\s*(\d+|[a-zA-Z])/g, '\\sqrt[3]{$1}');
}
