import { type Template } from '@prompt-aug/plugin-api';
import { renderPrompt, UserError } from '@prompt-aug/core';
import { type MathRecord } from '@prompt-aug/core/data';
import type { Benchmark } from '../benchmarks/load-benchmarks.js';
import type { GradeFn } from '../grading/grade-response.js';
import type { ReadSamplesResult } from './read-samples.js';
import type { SampleRecord } from './sample-record.js';

export interface CheckResumedInput {
  path: string;
  previous: ReadSamplesResult;
  benchmarks: readonly Benchmark[];
  runs: number;
  samples: number;
  template: Pick<Template, 'id' | 'chatTemplate' | 'prefill'>;
  grade: GradeFn;
}

/**
 * The samples a resume keeps, re-graded: nothing stored in samples.jsonl is trusted but the
 * response itself. A line this evaluation would not have written (an unknown benchmark or id, a
 * run or sample index out of range, a repeated key, or a prompt other than the one it would
 * render) means the file is not this evaluation's, and is refused rather than skipped.
 */
export function checkResumedSamples(input: CheckResumedInput): { kept: SampleRecord[]; regraded: number } {
  const { previous } = input;
  const problems: string[] = previous.duplicates.map((d) => `line ${d.line} repeats the sample of line ${d.firstLine} (${describeKey(d.key)})`);
  const records = new Map(input.benchmarks.map((b) => [b.name, new Map<string, MathRecord>(b.records.map((r) => [r.id, r]))]));
  const prompts = new Map<MathRecord, string>();
  const kept: SampleRecord[] = [];
  let regraded = 0;
  previous.samples.forEach((sample, i) => {
    const line = previous.lines[i]!;
    const problem = foreignReason(sample, records, input);
    if (problem) return void problems.push(`line ${line} ${problem}`);
    const record = records.get(sample.benchmark)!.get(sample.id)!;
    let prompt = prompts.get(record);
    if (prompt === undefined) prompts.set(record, (prompt = renderPrompt(input.template, record.problem)));
    if (sample.prompt !== prompt) return void problems.push(`line ${line} (${sample.benchmark} ${sample.id}) has a prompt other than the one this evaluation renders for that question`);
    const { correct, extracted } = input.grade(record.answers, sample.response);
    if (correct !== sample.correct || extracted !== sample.extracted) regraded++;
    kept.push({ ...sample, prompt, correct, extracted });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    throw new UserError(
      `Cannot resume from ${input.path}: it holds lines this evaluation did not write (${shown}). A resume keeps only samples of these benchmarks, questions, --runs and --samples, once each. ` +
        'Remove those lines, resume with the original --benchmarks/--limit/--runs/--samples, or evaluate into a new --out folder.',
      'PA_EVAL_SAMPLES_FOREIGN',
    );
  }
  return { kept, regraded };
}

function foreignReason(sample: SampleRecord, records: Map<string, Map<string, MathRecord>>, input: CheckResumedInput): string | undefined {
  const questions = records.get(sample.benchmark);
  if (!questions) return `names benchmark ${JSON.stringify(sample.benchmark)}, which this evaluation does not include (${[...records.keys()].join(', ')})`;
  if (!questions.has(sample.id)) return `names question ${JSON.stringify(sample.id)}, which is not among the ${questions.size} questions of ${sample.benchmark} evaluated`;
  if (sample.run < 0 || sample.run >= input.runs) return `has run ${sample.run}, outside 0..${input.runs - 1} (--runs ${input.runs})`;
  if (sample.sample < 0 || sample.sample >= input.samples) return `has sample ${sample.sample}, outside 0..${input.samples - 1} (--samples ${input.samples})`;
  return undefined;
}

function describeKey(key: string): string {
  const [benchmark, id, run, sample] = key.split('\u0000');
  return `${benchmark} ${id} run ${run} sample ${sample}`;
}
