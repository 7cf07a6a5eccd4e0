import { readFile } from 'node:fs/promises';
import { UserError } from '@prompt-aug/core';

/** One line of a `--responses` file: a generation made elsewhere (vLLM, an API, …). */
export interface ResponseLine {
  /** 1-based line number, for error messages. */
  line: number;
  benchmark: string;
  id?: string;
  problem?: string;
  response: string;
  run?: number;
  sample?: number;
}

/**
 * Parse a responses JSONL file. Each line needs `benchmark`, `response` and `id` or
 * `problem`; `run` and `sample` are optional (else samples are numbered in file order).
 * `id` may be a number (`0`) or string; numbers are kept as their decimal text.
 */
export async function readResponses(path: string): Promise<ResponseLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the --responses file ${path} (${(error as Error).message}); check the path.`, 'PA_EVAL_NO_RESPONSES', { cause: error });
  }
  const out: ResponseLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const fail = (why: string) =>
      new UserError(
        `${path} line ${i + 1}: ${why}. Each line must be a JSON object with "benchmark", "response" and "id" or "problem" ` +
          '(optional "run" and "sample" integers); fix that line.',
        'PA_EVAL_BAD_RESPONSE_LINE',
      );
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw fail('not valid JSON');
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw fail('not a JSON object');
    if (typeof row.benchmark !== 'string' || row.benchmark === '') throw fail('"benchmark" is missing or not a string');
    if (typeof row.response !== 'string') throw fail('"response" is missing or not a string');
    const id = typeof row.id === 'number' || typeof row.id === 'string' ? String(row.id) : undefined;
    const problem = typeof row.problem === 'string' ? row.problem : undefined;
    if (id === undefined && problem === undefined) throw fail('it has neither "id" nor "problem"');
    for (const key of ['run', 'sample'] as const) {
      if (row[key] !== undefined && !(Number.isInteger(row[key]) && (row[key] as number) >= 0)) throw fail(`"${key}" must be a non-negative integer`);
    }
    out.push({
      line: i + 1,
      benchmark: row.benchmark,
      response: row.response,
      ...(id !== undefined ? { id } : {}),
      ...(problem !== undefined ? { problem } : {}),
      ...(row.run !== undefined ? { run: row.run as number } : {}),
      ...(row.sample !== undefined ? { sample: row.sample as number } : {}),
    });
  }
  if (out.length === 0) throw new UserError(`The --responses file ${path} has no response lines; it must hold one JSON object per line.`, 'PA_EVAL_NO_RESPONSES');
  return out;
}
