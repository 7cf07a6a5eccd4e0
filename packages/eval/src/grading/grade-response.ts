import type { Template, VerifierPlugin } from '@prompt-aug/plugin-api';

/**
 * `eval`: prompt-aug's corrected last-boxed grader (default); `paper`: the paper's own eval
 * protocol, quirks included; `train`: the lenient training reward's extraction.
 */
export type GraderMode = 'eval' | 'train' | 'paper';

export interface Grade {
  correct: boolean;
  extracted: string | null;
  /** The verifier's reason code (e.g. `conflicting-boxes`, `paper-mathd`). */
  reason?: string;
}

/** `answers` may hold numbers as the source gave them (see gold-values.ts). */
export type GradeFn = (answers: readonly (string | number)[], response: string) => Grade;

/**
 * A grading function over the verifier plugin. A verifier that throws on some response (a
 * bug in it, or pathological text) grades that response incorrect instead of losing the run;
 * the paper's grader does the same ("any exception -> incorrect").
 */
export function makeGrader(verifier: VerifierPlugin, mode: GraderMode, template?: Pick<Template, 'id' | 'answerFormat'>): GradeFn {
  const options = { mode, kind: 'response' as const, ...(template ? { template: { id: template.id, answerFormat: template.answerFormat } } : {}) };
  return (answers, response) => {
    try {
      const verdict = verifier.verify(answers.length === 1 ? answers[0]! : [...answers], response, options);
      return { correct: verdict.correct, extracted: verdict.extracted, reason: verdict.reason };
    } catch {
      return { correct: false, extracted: null };
    }
  };
}
