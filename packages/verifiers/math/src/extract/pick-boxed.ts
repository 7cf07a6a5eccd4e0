import { findBoxes, type Box } from './find-boxes.js';

export type Picked = { answer: string } | { answer: null; reason: string };

/** More boxes than this in the final run is answer-spraying, not a list. */
const MAX_BOXES_IN_RUN = 20;
/** Boxes separated by at most this much digit-free text form one run (a listed answer). */
const MAX_GAP = 40;

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * The text between two boxes joins them when it is short filler on one line (`, `, `\quad and`,
 * `$`…). Boxes on separate lines (`\]\n\[`) are separate statements (in the dev collection they
 * were answers to different sub-questions), so they are not joined.
 */
function joins(gap: string): boolean {
  return gap.length <= MAX_GAP && !/\d/.test(gap) && !gap.includes('\n');
}

export interface PickOptions {
  /**
   * Eval mode: the final run of boxes is the answer and earlier, different boxes are ignored
   * (they are corrections, earlier parts or a ramble; measured on real outputs, the last box was
   * right in every case it differed from an earlier one and the paper's grader accepted it).
   * Train mode keeps refusing contradicting boxes, so a policy cannot earn reward by boxing
   * several candidates.
   */
  lastRunWins?: boolean;
}

/**
 * The answer given by the boxes of a response: the last run of adjacent boxes, joined as a
 * list when they differ. Unless `lastRunWins`, earlier boxes that contradict the final run make
 * the response ambiguous (several different answers); an empty final box is no answer.
 */
export function pickBoxed(text: string, opts: PickOptions = {}): Picked | undefined {
  const boxes = findBoxes(text);
  if (boxes.length === 0) return undefined;
  const run: Box[] = [boxes[boxes.length - 1]!];
  for (let k = boxes.length - 2; k >= 0; k--) {
    const next = run[0]!;
    if (!joins(text.slice(boxes[k]!.end, next.start))) break;
    run.unshift(boxes[k]!);
  }
  const contents = run.map((b) => b.content.trim());
  if (contents.some((c) => c === '')) return { answer: null, reason: 'empty-box' };
  const distinct = [...new Set(contents.map(compact))];
  if (distinct.length > MAX_BOXES_IN_RUN) return { answer: null, reason: 'too-many-boxes' };
  const earlier = boxes.slice(0, boxes.length - run.length).map((b) => compact(b.content));
  if (!opts.lastRunWins && earlier.some((c) => c !== '' && !distinct.includes(c))) {
    return { answer: null, reason: 'conflicting-boxes' };
  }
  const unique: string[] = [];
  for (const c of contents) if (!unique.some((u) => compact(u) === compact(c))) unique.push(c);
  return { answer: unique.join(', ') };
}
