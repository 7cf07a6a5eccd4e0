import { matchBrace } from '../parse/scan.js';

/** One `\boxed{…}` / `\fbox{…}` / `\boxed 5` occurrence in a response. */
export interface Box {
  content: string;
  start: number;
  end: number;
}

const BOX_COMMANDS = ['\\boxed', '\\fbox'];

/** Every box in order of appearance, brace-matched. Unclosed boxes are ignored. */
export function findBoxes(text: string): Box[] {
  const boxes: Box[] = [];
  let from = 0;
  for (;;) {
    let start = -1;
    let command = '';
    for (const c of BOX_COMMANDS) {
      const at = text.indexOf(c, from);
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
      const close = matchBrace(text, i);
      if (close === -1) return boxes;
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
