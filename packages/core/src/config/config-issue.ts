/** Config problems are data, like plugin validation: callers decide whether to print, throw or continue. */
export interface ConfigIssue {
  /** Key path, e.g. `optim.lr` or `templates[2].id`; empty for the whole document. */
  path: string;
  message: string;
  /** Where the offending value came from: the config file, an override (a flag), or nowhere (a missing key). */
  source: 'file' | 'override' | 'missing';
  /** 1-based line in the config file, when the value is there. */
  line?: number;
  /** For unknown keys: the closest known key, if one is within 2 edits. */
  suggestion?: string;
}

export interface LoadConfigResult<T> {
  /** The validated config (with schema defaults applied); undefined when there are errors. */
  config: T | undefined;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** The config file read, if any. */
  file?: string;
  /** File and overrides merged, before validation (what --print-config shows when invalid). */
  merged: Record<string, unknown>;
}

export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
