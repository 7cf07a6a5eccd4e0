/** Add 1 to the last integer outside `\text{}` (units), or undefined when there is none. */
export function perturb(gold: string): string | undefined {
  const masked = gold.replace(/\\(?:text|mbox|mathrm)\{[^{}]*\}(?:\^\{?\d\}?)?/g, (m) => '\u0000'.repeat(m.length));
  const matches = [...masked.matchAll(/\d+/g)];
  const last = matches[matches.length - 1];
  if (!last) return undefined;
  const at = last.index;
  return gold.slice(0, at) + String(BigInt(last[0]) + 1n) + gold.slice(at + last[0].length);
}
