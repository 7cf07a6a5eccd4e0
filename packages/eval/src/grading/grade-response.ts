import type { Template, VerifierPlugin } from '@prompt-aug/plugin-api';

/** `eval`: the paper's last-boxed eval grader (default); `train`: the lenient training reward's extraction. */
export type GraderMode = 'eval' | 'train';

export interface Grade {
  correct: boolean;
  extracted: string | null;
}

export type GradeFn = (answers: readonly string[], response: string) => Grade;

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
      return { correct: verdict.correct, extracted: verdict.extracted };
    } catch {
      return { correct: false, extracted: null };
    }
  };
}
