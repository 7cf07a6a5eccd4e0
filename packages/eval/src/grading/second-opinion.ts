import type { Template, VerifierPlugin } from '@prompt-aug/plugin-api';
import type { MathRecord } from '@prompt-aug/core/data';
import type { SampleRecord } from '../samples/sample-record.js';
import { differenceReason } from './difference-reason.js';
import { goldValues } from './gold-values.js';
import { makeGrader, type GraderMode } from './grade-response.js';

/**
 * The grader every evaluation also reports next to the chosen one: the paper's protocol next
 * to prompt-aug's corrected grader (`eval`, the default), and the corrected grader next to
 * `paper`. A `train` evaluation is compared with the paper protocol too.
 */
export function secondGraderFor(primary: GraderMode): GraderMode {
  return primary === 'paper' ? 'eval' : 'paper';
}

/**
 * Grade every sample a second time with the other grader and name, for each sample the two
 * score differently, why (see difference-reason.ts). Returns new records; the input is not changed.
 */
export function addSecondOpinion(
  samples: readonly SampleRecord[],
  records: ReadonlyMap<string, ReadonlyMap<string, MathRecord>>,
  verifier: VerifierPlugin,
  primary: GraderMode,
  template?: Pick<Template, 'id' | 'answerFormat'>,
): SampleRecord[] {
  const grader = secondGraderFor(primary);
  const grade = makeGrader(verifier, grader, template);
  return samples.map((s) => {
    const record = records.get(s.benchmark)?.get(s.id);
    if (!record) return s;
    const golds = goldValues(record);
    const second = grade(golds, s.response);
    const out: SampleRecord = { ...s, second: { grader, correct: second.correct, extracted: second.extracted } };
    if (second.correct !== s.correct) {
      const paper = grader === 'paper' ? { ...second } : { correct: s.correct, extracted: s.extracted, reason: s.reason };
      const ours = grader === 'paper' ? { correct: s.correct, extracted: s.extracted, reason: s.reason } : { ...second };
      out.difference = differenceReason(record.answers, s.response, paper, ours);
    }
    return out;
  });
}
