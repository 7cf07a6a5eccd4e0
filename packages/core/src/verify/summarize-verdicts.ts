import type { CaseVerdict, VerifyCase } from './verify-case.js';

export interface VerdictCounts {
  total: number;
  agree: number;
  accuracy: number;
  /** Verifier said correct, label says wrong: the dangerous kind for a reward. */
  falsePositives: number;
  falseNegatives: number;
}

export interface VerdictSummary {
  /** Cases that carried an `expected` label; the others only count in `cases`. */
  labelled: VerdictCounts;
  byCategory: Record<string, VerdictCounts>;
  cases: number;
  correct: number;
}

/** Accuracy, false positives and false negatives against the `expected` labels, overall and per category. */
export function summarizeVerdicts(cases: readonly VerifyCase[], verdicts: readonly CaseVerdict[]): VerdictSummary {
  const overall = emptyCounts();
  const byCategory: Record<string, VerdictCounts> = {};
  cases.forEach((c, i) => {
    const verdict = verdicts[i]!;
    if (c.expected === undefined) return;
    for (const counts of [overall, (byCategory[c.category ?? 'uncategorised'] ??= emptyCounts())]) {
      counts.total += 1;
      if (verdict.correct === c.expected) counts.agree += 1;
      else if (verdict.correct) counts.falsePositives += 1;
      else counts.falseNegatives += 1;
    }
  });
  for (const counts of [overall, ...Object.values(byCategory)]) counts.accuracy = counts.total ? counts.agree / counts.total : 0;
  return { labelled: overall, byCategory, cases: cases.length, correct: verdicts.filter((v) => v.correct).length };
}

function emptyCounts(): VerdictCounts {
  return { total: 0, agree: 0, accuracy: 0, falsePositives: 0, falseNegatives: 0 };
}
