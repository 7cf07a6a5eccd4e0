import type { Verdict, VerifyOptions } from '@prompt-aug/plugin-api';
import { Budget, BudgetExceeded, DEFAULT_TIMEOUT_MS } from './budget.js';
import { cleanAnswer } from './normalize/clean-answer.js';
import { equalAnswers } from './compare/equivalent.js';
import { alternativesAsSet } from './compare/relation.js';
import { extractWithReason } from './extract/extract-answer.js';
import { lastChoiceLetter } from './extract/fallbacks.js';
import { findBoxes } from './extract/find-boxes.js';
import { splitTopLevel } from './parse/scan.js';
import { tidyPhraseAnswer } from './extract/phrases.js';
import { computeEngine } from './parse/latex-to-json.js';
import { highPrecisionEngine } from './math/high-precision.js';
import { verifyPaper } from './paper/boxed-reward.js';

/** Gold answers as strings: numbers (AMC's 142 for 142.0) are stringified, `\n` trimmed. */
function goldList(gold: string | number | readonly (string | number)[]): string[] {
  const list = Array.isArray(gold) ? gold : [gold];
  return list.map((g) => {
    const s = String(g).trim();
    const boxes = s.includes('\\boxed') ? findBoxes(s) : [];
    return boxes.length > 0 ? boxes[boxes.length - 1]!.content.trim() : s;
  });
}

/** "41 or 42": a hedge between alternatives is not an answer (unless the gold hedges too). */
function hedges(answer: string): boolean {
  if (splitTopLevel(answer, [' or ', '\\text{ or }', '\\text{or}', '\\lor']).length < 2) return false;
  // `x < 2 or x > 3` is a union, not a hedge.
  return alternativesAsSet(cleanAnswer(answer).text) === undefined;
}

const PROSE_WORDS = /(?<![\\a-zA-Z])[a-zA-Z]{3,}(?![a-zA-Z])/g;
const proseCount = (s: string) => (s.replace(/\\[a-zA-Z]+/g, ' ').match(PROSE_WORDS) ?? []).length;

/** Longer box contents are not a sentence with a conclusion but text stuffed into a box. */
const MAX_SENTENCE_CHARS = 300;

/** A sentence in the box ("… and the requested sum is 505.") -> its conclusion, for non-text golds. */
function dropProse(answer: string, golds: string[]): string {
  if (answer.length > MAX_SENTENCE_CHARS || proseCount(answer) < 3 || golds.some((g) => proseCount(g) >= 2)) return answer;
  const tidy = tidyPhraseAnswer(cleanAnswer(answer).text);
  return tidy === '' ? answer : tidy;
}

/** A bare answer handed in directly (`kind: 'answer'`): drop `$`, `Answer:` and friends. */
function bareAnswer(response: string): string {
  return response.trim().replace(/^(?:final\s+)?answer\s*(?:is)?\s*:?\s*/i, '');
}

/**
 * Is `candidate` the same answer as `gold`? Both are final answers (no extraction).
 * Synchronous, deterministic, bounded by `timeoutMs` (default 200).
 */
export function isEquivalent(gold: string, candidate: string, opts: { timeoutMs?: number } = {}): boolean {
  warmUp();
  try {
    return matchGold(gold, candidate, new Budget(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)) !== undefined;
  } catch (err) {
    if (err instanceof BudgetExceeded) return false;
    throw err;
  }
}

/**
 * The parsing engines are created once per process (~100-200 ms each) before the first
 * check's clock starts, so a cold start never shows up as a budget-exceeded verdict.
 */
function warmUp(): void {
  computeEngine();
  highPrecisionEngine();
}

function matchGold(gold: string, candidate: string, budget: Budget): string | undefined {
  if (gold === candidate) return 'exact';
  const g = cleanAnswer(gold);
  const c = cleanAnswer(candidate);
  if (g.text === '' || c.text === '') return undefined;
  return equalAnswers(g.text, c.text, { budget, goldPercent: g.percent, candPercent: c.percent });
}

/** Grade a response (or a bare answer) against one or several acceptable gold answers. */
export function verifyAnswer(
  gold: string | number | readonly (string | number)[],
  response: string,
  opts: VerifyOptions = {},
): Verdict {
  if (opts.mode === 'paper') return verifyPaper(gold, response, { kind: opts.kind });
  const golds = goldList(gold);
  let extracted: string | null;
  if (opts.kind === 'answer') {
    extracted = bareAnswer(response);
  } else {
    const found = extractWithReason(response, opts);
    extracted = found.answer;
    const letterGold = golds.some((g) => /^\(?[A-E]\)?$/.test(g));
    if (extracted === null && letterGold && (opts.mode ?? 'train') === 'train') {
      extracted = lastChoiceLetter(response.slice(-2000)) ?? null;
    }
    if (extracted === null) return { correct: false, extracted: null, reason: found.answer === null ? found.reason : 'no-answer' };
  }
  if (extracted.trim() === '') return { correct: false, extracted, reason: 'empty-answer' };
  extracted = dropProse(extracted, golds);
  if (hedges(extracted) && !golds.some(hedges)) return { correct: false, extracted, reason: 'multiple-answers' };
  warmUp();
  const budget = new Budget(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    for (const g of golds) {
      const reason = matchGold(g, extracted, budget);
      if (reason !== undefined) return { correct: true, extracted, reason };
    }
  } catch (err) {
    if (err instanceof BudgetExceeded) return { correct: false, extracted, reason: 'budget-exceeded' };
    throw err;
  }
  return { correct: false, extracted, reason: 'mismatch' };
}
