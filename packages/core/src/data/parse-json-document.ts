import { UserError } from '../util/user-error.js';
import { isPlainObject } from './field-path.js';
import { stripBom } from './parse-jsonl.js';
import type { RawRow } from './raw-rows.js';

/** A `.json` dataset: an array of rows, or an object holding them under `data` or `rows` (both are common exports). */
export function parseJsonDocument(text: string, file: string): RawRow[] {
  const source = stripBom(text);
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = lineOfPosition(source, message);
    throw new UserError(
      `Dataset file ${file} is not valid JSON${line ? ` (line ${line})` : ''}: ${message}. Fix the JSON syntax there, ` +
        'or if the file holds one JSON object per line, rename it to .jsonl.',
      'PA_DATASET_BAD_JSON',
    );
  }
  const rows = Array.isArray(document) ? document : isPlainObject(document) ? (document.data ?? document.rows) : undefined;
  if (!Array.isArray(rows)) {
    const found = isPlainObject(document) ? `an object with keys ${Object.keys(document).join(', ') || '(none)'}` : `a ${typeof document}`;
    throw new UserError(
      `Dataset file ${file} holds ${found}, but a .json dataset must be an array of rows or an object with a "data" or ` +
        '"rows" array. Reshape the file, or convert it to JSON Lines (.jsonl), one row object per line.',
      'PA_DATASET_BAD_SHAPE',
    );
  }
  return rows.map((value, index) => ({ index, value }));
}

/** V8 reports `... at position 123 ...`; turn that into a 1-based line number. */
function lineOfPosition(source: string, message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const position = Number(match[1]);
  let line = 1;
  for (let i = 0; i < position && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
