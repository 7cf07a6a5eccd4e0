/**
 * The lines of a JSONL file another process may still be appending to (metrics.jsonl,
 * evals.jsonl): every terminated line must parse, or `corrupt` says which one did not; the last,
 * unterminated line is kept only when it parses whole (a JSON object cannot be a valid prefix of
 * a longer one, so a parsed last line is complete even if its newline never reached the disk).
 * Each line must be a JSON object; `read` turns it into a row, or undefined when it is not one.
 */
export function parseAppendedLines<T>(
  text: string,
  read: (object: Record<string, unknown>) => T | undefined,
  corrupt: (lineNumber: number, line: string) => Error,
): Array<{ value: T; text: string }> {
  const parse = (line: string): T | undefined => {
    const object = parseJsonObject(line);
    return object === undefined ? undefined : read(object);
  };
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

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
