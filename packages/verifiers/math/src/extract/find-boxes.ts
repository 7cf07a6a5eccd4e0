/**
 * The matching `}` of every `{` in one left-to-right pass (-1 when it never closes); escaped
 * `\{`/`\}` are skipped, as `matchBrace` does. Linear, so many unclosed boxes cost no more
 * than one.
 */
function braceMatches(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') open.push(i);
    else if (ch === '}' && open.length > 0) match[open.pop()!] = i;
  }
  return match;
}

/** One `\boxed{…}` / `\fbox{…}` / `\boxed 5` occurrence in a response. */
export interface Box {
  content: string;
  start: number;
  end: number;
}

const BOX_COMMANDS = ['\\boxed', '\\fbox'];

/**
 * Every box in order of appearance, brace-matched. An unclosed box is skipped and the scan
 * goes on after its `{`, so a stray `\boxed{` early in a response does not hide the final box.
 */
export function findBoxes(text: string): Box[] {
  const boxes: Box[] = [];
  let matches: Int32Array | undefined;
  let from = 0;
  // Each command's next occurrence, looked up again only once the scan has passed it (a
  // command that never occurs is searched for once, not once per box).
  const next = BOX_COMMANDS.map(() => -2);
  for (;;) {
    let start = -1;
    let command = '';
    for (const [k, c] of BOX_COMMANDS.entries()) {
      if (next[k] !== -1 && next[k]! < from) next[k] = text.indexOf(c, from);
      const at = next[k]!;
      if (at !== -1 && (start === -1 || at < start)) {
        start = at;
        command = c;
      }
    }
    if (start === -1) return boxes;
    let i = start + command.length;
    // `\boxedfoo` is another command, not a box.
    if (/[a-zA-Z]/.test(text[i] ?? '')) {
      from = i;
      continue;
    }
    while (text[i] === ' ') i++;
    if (text[i] === '{') {
      matches ??= braceMatches(text);
      const close = matches[i]!;
      if (close === -1) {
        from = i + 1;
        continue;
      }
      const content = text.slice(i + 1, close);
      // `\boxed{\phantom{2}}` is a blank to fill in (the problem's box), not an answer.
      if (!/^\s*\\h?phantom\s*\{[^{}]*\}\s*$/.test(content)) boxes.push({ content, start, end: close + 1 });
      from = close + 1;
    } else {
      // `\boxed 5.`: the Qwen parser takes everything up to the next `$`; a word is safer.
      const m = /^[^\s$]+/.exec(text.slice(i, i + 200));
      const word = m ? m[0].replace(/[.,;:]+$/, '') : '';
      if (word) boxes.push({ content: word, start, end: i + word.length });
      from = i + Math.max(1, word.length);
    }
  }
}
