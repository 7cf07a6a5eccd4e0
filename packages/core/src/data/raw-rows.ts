/** A row as parsed from its file, before normalisation; a JSONL line that is not JSON carries its parse error. */
export interface RawRow {
  /** 0-based index among the file's rows (blank JSONL lines are not rows). */
  index: number;
  /** 1-based line number, JSONL only. */
  line?: number;
  value?: unknown;
  parseError?: string;
}
