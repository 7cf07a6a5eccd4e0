/**
 * Why the paper's protocol and prompt-aug's corrected grader disagree on one response, as a
 * short code (shown in the report and results.json, explained in docs/grading.md):
 * - `last-box-vs-conflict`: several different boxes; the paper takes the last, prompt-aug refuses;
 * - `joined-boxes`: prompt-aug reads a final run of boxes as one listed answer, the paper the last box;
 * - `unclosed-last-box`: the last `\boxed{` never closes, so the paper has no answer at all;
 * - `box-without-braces`: `\fbox{…}` or `\boxed 5`, which the paper's `remove_boxed` drops;
 * - `empty-box`, `extraction`: other extraction differences;
 * - `official-gold-newline`: the gold ends in `\n` (Minerva), which switches off the paper's
 *   Math-Verify stage or makes it read the gold as a lone number;
 * - `official-rounding`: decimals compared after the paper's 6-decimal rounding or its
 *   1e-7 snap to integers (8.234e-19 "equals" 8.224e-19);
 * - `unit-normalisation`: the paper's Hendrycks normaliser deletes unit words and single letters;
 * - `relation-vs-interval`: `k<-5` against the gold `(-\infty,-5)`;
 * - `equivalence`: the same answer judged differently by the two equivalence engines.
 */
export type DifferenceReason =
  | 'last-box-vs-conflict'
  | 'joined-boxes'
  | 'unclosed-last-box'
  | 'box-without-braces'
  | 'empty-box'
  | 'extraction'
  | 'official-gold-newline'
  | 'official-rounding'
  | 'unit-normalisation'
  | 'relation-vs-interval'
  | 'equivalence';

export interface GraderVerdict {
  correct: boolean;
  extracted: string | null;
  reason?: string;
}

const squash = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ''));
const DECIMAL = /\d\.\d|\de-?\d/;
const RELATION = /<|>|\\[lg]eq?\b|\\[lg]t\b/;

function unclosedLastBox(response: string): boolean {
  const at = response.lastIndexOf('\\boxed');
  if (at === -1) return false;
  let depth = 0;
  for (let i = at; i < response.length; i++) {
    if (response[i] === '{') depth++;
    else if (response[i] === '}' && --depth === 0) return false;
  }
  return true;
}

function extractionReason(response: string, paper: GraderVerdict, ours: GraderVerdict): DifferenceReason {
  if (ours.reason === 'conflicting-boxes') return 'last-box-vs-conflict';
  if (ours.reason === 'empty-box') return 'empty-box';
  if (paper.extracted === null) {
    if (unclosedLastBox(response)) return 'unclosed-last-box';
    if (/\\fbox|\\boxed(?!\s*\{)/.test(response)) return 'box-without-braces';
    return 'extraction';
  }
  if (ours.extracted !== null && /,/.test(ours.extracted) && ours.extracted.includes(paper.extracted.trim())) return 'joined-boxes';
  if (ours.extracted === null && unclosedLastBox(response)) return 'unclosed-last-box';
  return 'extraction';
}

/** The reason code for a response the two graders score differently (call only when they do). */
export function differenceReason(golds: readonly string[], response: string, paper: GraderVerdict, ours: GraderVerdict): DifferenceReason {
  if (squash(paper.extracted) !== squash(ours.extracted)) return extractionReason(response, paper, ours);
  const answer = paper.extracted ?? '';
  if (golds.some((g) => g.includes('\n'))) return 'official-gold-newline';
  if (golds.some((g) => DECIMAL.test(g)) || DECIMAL.test(answer)) return 'official-rounding';
  if (paper.reason === 'paper-mathd') return 'unit-normalisation';
  if (RELATION.test(answer) !== golds.some((g) => RELATION.test(g))) return 'relation-vs-interval';
  return 'equivalence';
}
