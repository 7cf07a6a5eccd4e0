/**
 * `--config run.yaml` + flags -> a validated config. The file is read (YAML or JSON by
 * extension), flags are deep-merged over it, and zod validates the result. Nothing is thrown
 * for user mistakes: errors and warnings come back as data, each naming its key path,
 * whether the value came from the file (with its line) or a flag, and a fix where one is known.
 */
import type { z } from 'zod';
import { closestMatch } from './closest-match.js';
import { formatKeyPath, type ConfigIssue, type LoadConfigResult } from './config-issue.js';
import { deepMerge, expandDottedKeys, hasKeyPath } from './deep-merge.js';
import { readConfigFile } from './read-config-file.js';
import { findForbiddenKeys } from './forbidden-keys.js';
import { findUnknownKeys, knownKeysAt } from './schema-keys.js';

export interface LoadConfigOptions {
  /** A .yaml, .yml or .json file. */
  file?: string;
  /** Flag values; nested objects or dotted keys (`"optim.lr"`); undefined entries are ignored. */
  overrides?: Record<string, unknown>;
  /**
   * A layer under the file (e.g. a named preset). A function receives the file merged with the
   * overrides, so the file or a flag can choose the layer.
   */
  defaults?: Record<string, unknown> | ((fileAndOverrides: Record<string, unknown>) => Record<string, unknown>);
}

export function loadConfig<S extends z.ZodType>(schema: S, options: LoadConfigOptions = {}): LoadConfigResult<z.output<S>> {
  const content = options.file ? readConfigFile(options.file) : undefined;
  const fileData = content?.data ?? {};
  const overrides = expandDottedKeys(options.overrides ?? {});
  const chosen = deepMerge(fileData, overrides);
  const defaults = typeof options.defaults === 'function' ? options.defaults(chosen) : (options.defaults ?? {});
  const merged = deepMerge(expandDottedKeys(defaults), chosen);
  const base = { merged, ...(options.file ? { file: options.file } : {}) };
  if (content && content.errors.length > 0) return { ...base, config: undefined, errors: content.errors, warnings: [] };

  const locate = (path: readonly PropertyKey[]): Pick<ConfigIssue, 'source' | 'line'> => {
    if (hasKeyPath(overrides, path)) return { source: 'override' };
    if (!hasKeyPath(fileData, path)) return { source: 'missing' };
    const line = content?.lineOf(path);
    return line === undefined ? { source: 'file' } : { source: 'file', line };
  };

  const forbidden = findForbiddenKeys(merged).map((path): ConfigIssue => ({
    path: formatKeyPath(path),
    message: '"__proto__" is not a setting (it would change the defaults of every key); remove it',
    ...locate(path),
  }));
  if (forbidden.length > 0) return { ...base, config: undefined, errors: forbidden, warnings: [] };

  const warnings = findUnknownKeys(schema, merged).map(({ path, suggestion }): ConfigIssue => ({
    path: formatKeyPath(path),
    message: `unknown key "${String(path.at(-1))}", ignored${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    ...locate(path),
    ...(suggestion ? { suggestion } : {}),
  }));

  const parsed = schema.safeParse(merged);
  if (parsed.success) return { ...base, config: parsed.data, errors: [], warnings };
  const errors = parsed.error.issues.flatMap((issue) => issuesFromZod(issue, schema, locate));
  return { ...base, config: undefined, errors, warnings };
}

type Locate = (path: readonly PropertyKey[]) => Pick<ConfigIssue, 'source' | 'line'>;

/** zod reports a strict object's extra keys as one issue; split it per key, with a suggestion each. */
function issuesFromZod(issue: z.core.$ZodIssue, schema: z.ZodType, locate: Locate): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const suggestion = closestMatch(key, known);
      return {
        path: formatKeyPath(path),
        message: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        ...locate(path),
        ...(suggestion ? { suggestion } : {}),
      };
    });
  }
  return [{ path: formatKeyPath(issue.path), message: issue.message, ...locate(issue.path) }];
}
