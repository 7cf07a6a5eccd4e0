import { readFile } from 'node:fs/promises';
import { UserError } from '@prompt-aug/core';
import { sampleKey, type SampleRecord } from './sample-record.js';

export interface ReadSamplesResult {
  /** Unique samples in file order (a duplicated key keeps its last line). */
  samples: SampleRecord[];
  /** True when the last line was torn (a run killed mid-write) and was dropped. */
  droppedTornLine: boolean;
  /** Byte length of the intact prefix: the file is cut back to this before appending. */
  intactBytes: number;
  /** 1-based line of each entry of `samples`. */
  lines: number[];
  /** Lines whose key an earlier line already had (two writers, or lines pasted in). */
  duplicates: Array<{ line: number; firstLine: number; key: string }>;
}

/**
 * Read `samples.jsonl` of an earlier run. Only the final line may be incomplete (a kill while
 * appending); it is dropped. A broken line before the end means the file was edited or mixed
 * up, so that is a UserError rather than silently discarding results.
 */
export async function readSamples(path: string): Promise<ReadSamplesResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { samples: [], droppedTornLine: false, intactBytes: 0, lines: [], duplicates: [] };
    throw error;
  }
  // Every record is written as `json + "\n"` in one append, so an unterminated final piece
  // is a torn write, even when it happens to parse.
  const lines = text.split('\n');
  const torn = lines.pop() ?? '';
  const droppedTornLine = torn !== '';
  const byKey = new Map<string, { record: SampleRecord; line: number }>();
  const duplicates: ReadSamplesResult['duplicates'] = [];
  let intactBytes = 0;
  lines.forEach((line, i) => {
    intactBytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') return;
    const parsed = parseSampleLine(line);
    if (!parsed) {
      throw new UserError(
        `${path} line ${i + 1} is not a complete sample record (${line.slice(0, 80)}…). Only the last line may be torn by an interrupted run; ` +
          'fix or delete that line, or start a fresh run with another --out folder (or without --resume).',
        'PA_EVAL_BAD_SAMPLES',
      );
    }
    const key = sampleKey(parsed);
    const first = byKey.get(key);
    if (first) duplicates.push({ line: i + 1, firstLine: first.line, key });
    byKey.set(key, { record: parsed, line: i + 1 });
  });
  const kept = [...byKey.values()];
  return { samples: kept.map((k) => k.record), droppedTornLine, intactBytes, lines: kept.map((k) => k.line), duplicates };
}

function parseSampleLine(line: string): SampleRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const s = value as Partial<SampleRecord> | null;
  if (!s || typeof s !== 'object') return undefined;
  const ok = typeof s.benchmark === 'string' && typeof s.id === 'string' && Number.isInteger(s.run) && Number.isInteger(s.sample) &&
    typeof s.response === 'string' && typeof s.correct === 'boolean';
  return ok ? (s as SampleRecord) : undefined;
}
