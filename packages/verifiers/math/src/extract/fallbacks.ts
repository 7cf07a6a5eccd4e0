/** Last-resort answers for the training extraction: bold text, the last math span, the last number. */

/** The last `**X**` when it is short (a markdown-bold final answer). */
export function lastBold(text: string): string | undefined {
  const re = /\*\*([^*\n]{1,80})\*\*/g;
  let last: string | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1];
  if (last === undefined || !/\d|\\/.test(last)) return undefined;
  return last.replace(/[.:]\s*$/, '').trim();
}

/** The content of the last `$…$`, `$$…$$`, `\(…\)` or `\[…\]` span in the text. */
export function lastMathSpan(raw: string): string | undefined {
  const text = raw.slice(-4000).replace(/\\\$/g, '  ');
  const patterns = [/\$\$([^$]+?)\$\$/g, /\\\[([\s\S]+?)\\\]/g, /\\\((.+?)\\\)/g, /(?<![\\$])\$([^$\n]+?)\$/g];
  let best: { at: number; body: string } | undefined;
  for (const re of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at) best = { at: end, body: m[1]! };
    }
  }
  if (!best) return undefined;
  // A span that ends long before the text does is working, not the conclusion.
  const tail = text.slice(best.at);
  if (/\d/.test(tail)) return undefined;
  return best.body.trim() || undefined;
}

/** The printed result of the last program run (ToRA/PAL style ```output blocks). */
export function lastProgramOutput(text: string): string | undefined {
  const at = text.lastIndexOf('```output');
  if (at === -1) return undefined;
  const body = text.slice(at + 9).split('```')[0]!.trim();
  return /^-?[\d,]*\.?\d+$/.test(body) ? body : undefined;
}

/** The last number, with thousands separators and decimals (the Qwen parser's final fallback). */
export function lastNumber(text: string): string | undefined {
  const re = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d*\.?\d+/g;
  let last: string | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[0];
  return last?.replace(/\.$/, '');
}

/**
 * An option letter A–E that concludes the text ("… so I think it's B.") or follows a choosing
 * word ("the answer is (C) because …"), for multiple-choice golds. A letter merely mentioned
 * ("Let A be the point") does not count.
 */
export function lastChoiceLetter(text: string): string | undefined {
  const tail = text.slice(-400);
  const final = /(?<![A-Za-z\\])\(?([A-E])\)?[.!]?\s*$/.exec(tail);
  if (final) return final[1];
  const re = /(?:answer|option|choice)\s*(?:is|:)?\s*\(?([A-E])\)?(?![A-Za-z])/gi;
  let last: string | undefined;
  for (let m = re.exec(tail); m; m = re.exec(tail)) last = m[1];
  return last;
}
