/**
 * The lines of a JSONL file another process may still be appending to (metrics.jsonl,
 * evals.jsonl): every terminated line must parse, or `corrupt` says which one did not; the last,
 * unterminated line is kept only when it parses whole (a JSON object cannot be a valid prefix of
 * a longer one, so a parsed last line is complete even if its newline never reached the disk).
 */
export function parseAppendedLines<T>(
  text: string,
  parse: (line: string) => T | undefined,
  corrupt: (lineNumber: number, line: string) => Error,
): Array<{ value: T; text: string }> {
  const pieces = text.split('\n');
  // After the final '\n' split yields '' (a clean file) or an unterminated last line.
  const unterminated = pieces.pop() ?? '';
  const lines: Array<{ value: T; text: string }> = [];
  pieces.forEach((line, index) => {
    if (line.trim() === '') return;
    const value = parse(line);
    if (value === undefined) throw corrupt(index + 1, line);
    lines.push({ value, text: line });
  });
  const last = unterminated.trim() === '' ? undefined : parse(unterminated);
  if (last !== undefined) lines.push({ value: last, text: unterminated });
  return lines;
}
