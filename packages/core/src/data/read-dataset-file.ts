/**
 * Read a local `.jsonl` / `.json` / `.parquet` dataset into MathRecords. The bytes are read
 * once (callers that already hold them, like the download cache, pass them in); a bad row
 * throws a UserError naming file, line (or row) and field, unless `onBadRow: 'skip'`, which
 * drops it and returns the same message as a warning.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserError } from '../util/user-error.js';
import { badRowAdvice, duplicateIdWarnings, EMPTY_ANSWER_ADVICE, rowWarning } from './dataset-warnings.js';
import type { DatasetFormat, DatasetWarning, LoadedDataset, MathRecord, ReadDatasetOptions } from './math-record.js';
import { normaliseRow, type RowResult } from './normalise-row.js';
import { parseJsonDocument } from './parse-json-document.js';
import { parseJsonl } from './parse-jsonl.js';
import { parseParquet } from './parse-parquet.js';
import type { RawRow } from './raw-rows.js';

const FORMATS: Record<string, DatasetFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json', '.parquet': 'parquet' };

export function datasetFormatOf(file: string): DatasetFormat | undefined {
  return FORMATS[extname(file).toLowerCase()];
}

export async function readDatasetFile(file: string, options: ReadDatasetOptions = {}): Promise<LoadedDataset> {
  formatOrThrow(file);
  return parseDatasetBytes(file, await readBytes(file), options);
}

/** The same as readDatasetFile, for bytes already in memory; `file` names the source in messages and gives the format. */
export async function parseDatasetBytes(file: string, bytes: Uint8Array, options: ReadDatasetOptions = {}): Promise<LoadedDataset> {
  const format = formatOrThrow(file);
  const rows = await parseRows(format, bytes, file);
  const stem = basename(file, extname(file));
  const records: MathRecord[] = [];
  const warnings: DatasetWarning[] = [];
  for (const row of rows) {
    const result: RowResult = row.parseError === undefined
      ? normaliseRow(row.value, { stem, index: row.index, options })
      : { ok: false, reason: `the line is not valid JSON (${row.parseError})`, fix: 'fix the JSON on that line' };
    if (result.ok) {
      records.push(result.record);
      if (result.remark) warnings.push(rowWarning(file, row, result.remark.reason, EMPTY_ANSWER_ADVICE, result.remark.field));
      continue;
    }
    const warning = rowWarning(file, row, result.reason, badRowAdvice(result.fix), result.field);
    if (options.onBadRow !== 'skip') throw new UserError(warning.message, 'PA_DATASET_BAD_ROW');
    warnings.push(warning);
  }
  warnings.push(...duplicateIdWarnings(file, records));
  return { file, format, records, warnings };
}

function formatOrThrow(file: string): DatasetFormat {
  const format = datasetFormatOf(file);
  if (format) return format;
  throw new UserError(
    `Dataset file ${file} has an extension prompt-aug cannot read (${extname(file) || 'none'}). ` +
      'Use a .jsonl (one JSON object per line), .json (an array of rows) or .parquet file.',
    'PA_DATASET_FORMAT',
  );
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `Dataset file ${file} cannot be read (${code ?? (error as Error).message}). Check the path, or pass a known dataset name ` +
        '(math-level3to5, math500, aime24, amc, minerva, olympiadbench) instead.',
      'PA_DATASET_MISSING',
      { cause: error },
    );
  }
}

async function parseRows(format: DatasetFormat, bytes: Uint8Array, file: string): Promise<RawRow[]> {
  if (format === 'parquet') {
    try {
      return await parseParquet(bytes);
    } catch (error) {
      throw new UserError(
        `Dataset file ${file} is not a readable Parquet file (${(error as Error).message}). Re-download or re-export it.`,
        'PA_DATASET_BAD_PARQUET',
        { cause: error },
      );
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return format === 'jsonl' ? parseJsonl(text) : parseJsonDocument(text, file);
}
