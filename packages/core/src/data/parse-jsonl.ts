import type { RawRow } from './raw-rows.js';

/**
 * JSON Lines: one object per line. Blank lines are allowed (trailing newline, editors) and are
 * not rows; a line that is not JSON becomes a row with its parse error so the caller can name it.
 */
export function parseJsonl(text: string): RawRow[] {
  const rows: RawRow[] = [];
  const lines = stripBom(text).split('\n');
  for (const [lineIndex, rawLine] of lines.entries()) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') continue;
    const row: RawRow = { index: rows.length, line: lineIndex + 1 };
    try {
      row.value = JSON.parse(line);
    } catch (error) {
      row.parseError = (error as Error).message;
    }
    rows.push(row);
  }
  return rows;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
