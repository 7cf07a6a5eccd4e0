/**
 * Bracket-aware scanning helpers. All loops are iterative (no recursion), so input nested
 * 10,000 deep costs linear time and no stack.
 */
const OPENERS = new Set(['{', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

/** Maximum bracket depth of a string (escaped `\{ \}` count as brackets too). */
export function maxDepth(s: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (OPENERS.has(ch)) max = Math.max(max, ++depth);
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Index of the `}` matching the `{` at `open`, or -1. Escaped braces (`\{`, `\}`) are skipped. */
export function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Split at separators that sit at bracket depth 0. `seps` are literal strings tried at every
 * position (longest first). `\{`/`\}` and `\left(` style brackets count as nesting.
 */
export function splitTopLevel(s: string, seps: readonly string[]): string[] {
  const parts: string[] = [];
  const ordered = [...seps].sort((a, b) => b.length - a.length);
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      depth += s[i + 1] === '{' ? 1 : -1;
      i++;
      continue;
    }
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const sep = ordered.find((x) => s.startsWith(x, i));
      if (sep !== undefined) {
        parts.push(s.slice(start, i));
        start = i + sep.length;
        i = start - 1;
      }
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** True when the bracket at `open` closes exactly at the last character of `s`. */
export function wrapsWhole(s: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      depth += s[i + 1] === '{' ? 1 : -1;
      i++;
      if (depth === 0) return i === s.length - 1;
      continue;
    }
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) {
      depth--;
      if (depth === 0) return i === s.length - 1;
    }
  }
  return false;
}
