import { readFileSync } from 'node:fs';
import { UserError } from '../util/user-error.js';
import { toVerifyCase, type VerifyCase } from './verify-case.js';

/** Read a JSONL file of verify cases; blank lines are skipped, a bad line names itself. */
export function readVerifyCases(file: string): VerifyCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the cases file ${file}: ${(error as Error).message}. Pass an existing JSONL file to --input.`, 'PA_VERIFY_INPUT');
  }
  const cases: VerifyCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UserError(`${file} line ${i + 1}: not valid JSON (${(error as Error).message}). Each line of --input must be one JSON object.`, 'PA_VERIFY_INPUT');
    }
    cases.push(toVerifyCase(value, file, i + 1));
  });
  return cases;
}
