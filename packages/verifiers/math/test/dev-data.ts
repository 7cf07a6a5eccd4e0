/** Readers for the shared verifier dev data (labels from trusted graders plus review). */
import { readFileSync } from 'node:fs';

export const DATA_DIR = '/work/shared/data';

export interface DevCase {
  id: string;
  gold: string;
  response: string;
  kind: 'answer' | 'response';
  expected: boolean;
  category: string;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export const devCases = (): DevCase[] => readJsonl<DevCase>(`${DATA_DIR}/verifier/dev_cases.jsonl`);
export const realOutputs = (): DevCase[] => readJsonl<DevCase>(`${DATA_DIR}/verifier/dev_real_outputs.jsonl`);
