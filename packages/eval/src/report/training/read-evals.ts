import { readFile } from 'node:fs/promises';
import { UserError } from '@prompt-aug/core';
import { parseAppendedLines } from '@prompt-aug/core/train';

/** One periodic eval (a line of evals.jsonl): the checkpoint's step and its accuracies in percent. */
export interface EvalRow {
  step: number;
  checkpoint?: string;
  /** perBenchmarkAccuracy, perQuestionAccuracy and `accuracy/<benchmark>`. */
  values: Record<string, number>;
}

/**
 * evals.jsonl, written by the trainer after each periodic eval. A torn last line (a run killed
 * mid-write, or one still going) is left out; an eval of a step repeated after a resume keeps
 * its later line. Non-numeric fields other than `checkpoint` are ignored.
 */
export async function readEvals(file: string): Promise<EvalRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const corrupt = (lineNumber: number, line: string) =>
    new UserError(`Line ${lineNumber} of ${file} is not an eval row (a JSON object with an integer "step" and numeric accuracies): ${line.slice(0, 120)}. Only the last line can be torn by a crash, so the file was edited or corrupted; fix or delete that line and run pa report again.`, 'PA_REPORT_EVALS_CORRUPT');
  const byStep = new Map<number, EvalRow>();
  for (const { value } of parseAppendedLines(text, parseEvalLine, corrupt)) byStep.set(value.step, value);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

function parseEvalLine(value: Record<string, unknown>): EvalRow | undefined {
  const { step, checkpoint, ...rest } = value;
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) return undefined;
  const values: Record<string, number> = {};
  for (const [key, v] of Object.entries(rest)) if (typeof v === 'number' && Number.isFinite(v)) values[key] = v;
  return { step, ...(typeof checkpoint === 'string' ? { checkpoint } : {}), values };
}
