/** Answers that are not numbers: option letters, times of day, numerals in a base, plain text. */

/** `C`, `(C)`, `\textbf{(C)}`, `(C) 12` -> `C`; `E*2` is an expression, not an option. */
export function choiceLetter(s: string): string | undefined {
  const m = /^\(([A-E])\)(?:\s+.*)?$|^([A-E])$/.exec(s.trim());
  return m?.[1] ?? m?.[2];
}

/** Minutes after midnight for `4:30 p.m.`, `16:30`, `12:00 AM`, `20:34:00`. */
export function timeOfDay(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(s.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (min >= 60 || Number(m[3] ?? 0) >= 60 || h > 24) return undefined;
  const half = m[4]?.toLowerCase();
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  return h * 60 + min + Number(m[3] ?? 0) / 60;
}

export function hasMeridiem(s: string): boolean {
  return /\d\s*[ap]\.?\s*m\.?$/i.test(s.trim());
}

/** `3:4` as `\frac{3}{4}`; undefined for anything else, and for clock-like `7:32` (a time?). */
export function ratioAsFraction(s: string): string | undefined {
  const m = /^([^:]+):([^:]+)$/.exec(s.trim());
  if (!m || /^\d{1,2}:\d{2}$/.test(s.trim())) return undefined;
  return `\\frac{${m[1]!.trim()}}{${m[2]!.trim()}}`;
}

/** `4210_{7}` -> digits and base (the base is part of the answer and must match). */
export function baseNumeral(s: string): { digits: string; base: number } | undefined {
  const m = /^([0-9A-Za-z]+)_\{?\(?(\d{1,2})\)?\}?$/.exec(s.trim());
  return m ? { digits: m[1]!.toUpperCase().replace(/^0+(?=.)/, ''), base: Number(m[2]) } : undefined;
}

/** Words only (after `\text{}` unwrapping): compared case-insensitively, ignoring punctuation. */
export function textKey(s: string): string | undefined {
  const words = s.match(/[A-Za-z]{3,}/g);
  if (!words || words.length === 0 || /\\(?!text)[a-zA-Z]/.test(s)) return undefined;
  const letters = s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return letters.length >= 2 ? letters : undefined;
}
