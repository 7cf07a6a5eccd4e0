/**
 * The paper's eval grader, `boxed_reward_fn(response, gold, fast=False)` of understand-r1-zero
 * (the grader behind every number of the paper's results table), reproduced in TypeScript:
 * extract the last `\boxed{…}` (no fallback), then correct = Hendrycks string match OR
 * PRM800K sympy match OR Math-Verify match, against any of the golds. Each stage's quirks are
 * named in its file; `docs/grading.md` lists them and how often they change a verdict.
 */
import type { Verdict } from '@prompt-aug/plugin-api';
import { paperExtract } from './last-boxed.js';
import { paperGolds, type PaperGold } from './gold-text.js';
import { mathdEqual } from './mathd-normalize.js';
import { sympyEqual } from './sympy-check.js';
import { mathVerifyEqual } from './math-verify-check.js';

/**
 * `grade(answer, gold, fast=False)`: a gold written as `\boxed{…}` is unboxed first; then the
 * stage that accepts (`mathd`, `sympy`, `math-verify`, tried in the official order), or undefined.
 */
export function paperAcceptingStage(answer: string, goldText: string): 'mathd' | 'sympy' | 'math-verify' | undefined {
  const gold = goldText.includes('\\boxed') ? paperExtract(goldText) : goldText;
  if (mathdEqual(answer, gold)) return 'mathd';
  if (sympyEqual(answer, gold)) return 'sympy';
  return gold !== null && mathVerifyEqual(answer, gold) ? 'math-verify' : undefined;
}

/** Is `answer` (already extracted) correct for `goldText` under the paper's protocol? */
export function paperGrade(answer: string, goldText: string): boolean {
  return paperAcceptingStage(answer, goldText) !== undefined;
}

/** Grade a response (or, with `kind: 'answer'`, a bare answer) the way the paper's evaluation did. */
export function verifyPaper(gold: PaperGold, response: string, opts: { kind?: 'answer' | 'response' } = {}): Verdict {
  const answer = opts.kind === 'answer' ? response : paperExtract(response);
  if (answer === null) return { correct: false, extracted: null, reason: response.includes('\\boxed') || response.includes('\\fbox') ? 'paper-no-closed-box' : 'no-boxed-answer' };
  for (const g of paperGolds(gold)) {
    let stage: string | undefined;
    try {
      stage = paperAcceptingStage(answer, g);
    } catch {
      stage = undefined; // the official code counts any exception as "not equal"
    }
    if (stage) return { correct: true, extracted: answer, reason: `paper-${stage}` };
  }
  return { correct: false, extracted: answer, reason: 'mismatch' };
}
