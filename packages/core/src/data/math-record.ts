/**
 * The one shape every dataset is read into, whatever its file format or column names:
 * training sets and benchmarks alike, so the trainer and the evaluator never see raw rows.
 */
export interface MathRecord {
  /** From `id` / `unique_id` / `extra_info.index`, else `<file-stem>-<0-based row index>`. */
  id: string;
  /** The problem text exactly as the source has it (no trimming; templates receive it as is). */
  problem: string;
  /** One or more acceptable gold answers, as strings; several when the source lists alternatives. */
  answers: string[];
  /** Every source field not consumed into the fields above, plus `originalAnswer` when a number was converted. */
  meta: Record<string, unknown>;
}

/** A problem found while reading a dataset: a skipped bad row, or a dataset-level remark. */
export interface DatasetWarning {
  file: string;
  /** 1-based line number (JSONL rows only). */
  line?: number;
  /** 0-based row index among the file's rows, when the warning is about one row. */
  row?: number;
  /** The field at fault (dotted path), when there is one. */
  field?: string;
  /** Short reason, e.g. `no answer field`. */
  reason: string;
  /** The full one-paragraph message naming the input and the fix. */
  message: string;
}

export type DatasetFormat = 'jsonl' | 'json' | 'parquet';

export interface LoadedDataset {
  file: string;
  format: DatasetFormat;
  records: MathRecord[];
  warnings: DatasetWarning[];
}

export interface ReadDatasetOptions {
  /** Dotted path of the problem column (a string, a chat messages list or a ChatML prompt); default: auto. */
  problemField?: string;
  /** Dotted path of the answer column (a string, a number or a list of them); default: auto. */
  answerField?: string;
  /** Dotted path of the id column; default: `id`, `unique_id`, `extra_info.index`. */
  idField?: string;
  /** `error` (default) throws a UserError on the first bad row; `skip` drops it and returns a warning. */
  onBadRow?: 'error' | 'skip';
}
