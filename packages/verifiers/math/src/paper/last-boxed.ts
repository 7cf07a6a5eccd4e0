/**
 * The paper's eval extraction (understand-r1-zero `extract_answer` = hendrycks
 * `last_boxed_only_string` + `remove_boxed`), reproduced with its quirks:
 * - only the LAST `\boxed` counts (earlier boxes, even different ones, are ignored); `\fbox` is
 *   looked for only when there is no `\boxed` at all;
 * - the brace count starts at the command and counts every `{`/`}` (escaped `\{` too), so
 *   `\boxed 5` borrows the next group, and an unclosed last box means no answer at all
 *   (an earlier, closed box is not used as a fallback);
 * - after that, the span must start with `\boxed{`: a `\fbox{5}` or `\boxed 5` answer is dropped.
 * The whole response is read (no length cut).
 */
export function paperLastBoxed(response: string): string | null {
  let idx = response.lastIndexOf('\\boxed');
  if (idx < 0) {
    idx = response.lastIndexOf('\\fbox');
    if (idx < 0) return null;
  }
  let open = 0;
  for (let i = idx; i < response.length; i++) {
    const ch = response[i];
    if (ch === '{') open++;
    else if (ch === '}') {
      open--;
      if (open === 0) return response.slice(idx, i + 1);
    }
  }
  return null;
}

/** `remove_boxed`: the content of a `\boxed{…}` span, or null for any other shape. */
export function paperRemoveBoxed(span: string | null): string | null {
  const left = '\\boxed{';
  if (span === null || !span.startsWith(left) || !span.endsWith('}')) return null;
  return span.slice(left.length, -1);
}

/** The paper's extracted answer: the last box's content when the response mentions `\boxed`. */
export function paperExtract(response: string): string | null {
  if (!response.includes('\\boxed')) return null;
  return paperRemoveBoxed(paperLastBoxed(response));
}
