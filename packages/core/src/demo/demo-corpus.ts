/**
 * The texts the demo tokenizer is trained on: what the demo will actually tokenize. Prompts
 * dominate the cost of every step, so each template's rendered prompt is in it; so are the
 * answers written the way each template asks (`\boxed{7}`, `<answer>\n\boxed{7}\n</answer>`,
 * `The final answer is: \boxed{7}`), so completions are short too. The reasoning tags the
 * templates name (`<think>`, `</solution>`, ...) appear in their prompts and are learned there.
 */
import type { MathRecord } from '../data/math-record.js';
import type { AnswerFormat, Template } from '@prompt-aug/plugin-api';
import { renderPrompt } from '../templates/render-prompt.js';

export type DemoCorpusTemplate = Pick<Template, 'id' | 'chatTemplate' | 'prefill' | 'answerFormat'>;

/**
 * Problem i goes to template i mod T (round-robin), so with P problems every template is
 * rendered on about P/T of them and each problem once: 200 problems and 13 templates give
 * about 100 KB. Each rendered prompt is followed by a reference completion in that template's
 * answer format. Needs at least as many problems as templates, or some template is left out.
 */
export function demoCorpus(templates: readonly DemoCorpusTemplate[], problems: readonly MathRecord[]): string[] {
  if (templates.length === 0) throw new RangeError('demoCorpus: no templates given');
  if (problems.length < templates.length) {
    throw new RangeError(`demoCorpus: ${problems.length} problems cannot cover all ${templates.length} templates; pass at least ${templates.length}`);
  }
  return problems.flatMap((record, i) => {
    const template = templates[i % templates.length]!;
    return [renderPrompt(template, record.problem), referenceCompletion(record, template.answerFormat)];
  });
}

/** A one-line worked solution when the record is one of the demo's sums, then the answer as the template wants it. */
export function referenceCompletion(record: MathRecord, format: AnswerFormat | undefined): string {
  const answer = record.answers[0] ?? '';
  const { a, b, op } = record.meta;
  const working = typeof a === 'number' && typeof b === 'number' && typeof op === 'string' ? `${a} ${op} ${b} = ${answer}.\n` : '';
  return working + formatAnswer(answer, format);
}

export function formatAnswer(answer: string, format: AnswerFormat | undefined): string {
  // Boxing is the default: every built-in template and the math verifier read \boxed{} first.
  let text = format?.boxed === false ? answer : `\\boxed{${answer}}`;
  if (format?.introducedBy !== undefined) text = `${format.introducedBy} ${text}`;
  if (format?.enclosedBy !== undefined) text = `${format.enclosedBy.open}\n${text}\n${format.enclosedBy.close}`;
  return text;
}
