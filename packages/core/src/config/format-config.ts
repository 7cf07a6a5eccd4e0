import { stringify } from 'yaml';
import { UserError } from '../util/user-error.js';
import type { ConfigIssue, LoadConfigResult } from './config-issue.js';

/** `--print-config`: the merged, validated config, in the format the user writes configs in. */
export function formatConfig(config: unknown, format: 'yaml' | 'json' = 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(config, null, 2)}\n` : stringify(config, { lineWidth: 0 });
}

/** Every error in one paragraph that names the file, each key path and where its value came from. */
export function formatConfigErrors(errors: readonly ConfigIssue[], file?: string): string {
  const source = file ? `Config file ${file}` : 'The configuration';
  const items = errors.map((issue) => {
    const location = describeLocation(issue, file);
    return location ? `${location}: ${issue.message}` : issue.message;
  });
  const fixWhere = file ? `in ${file} or in the flags` : 'in the flags';
  return `${source} is invalid: ${items.join('; ')}. Fix ${errors.length === 1 ? 'this value' : 'these values'} ${fixWhere} ` +
    '(flags override the file), then run again; --print-config shows the merged result.';
}

/** For callers that cannot go on with an invalid config (the CLI): a UserError with that paragraph. */
export function throwIfConfigErrors<T>(result: LoadConfigResult<T>): T {
  if (result.errors.length > 0 || result.config === undefined) {
    throw new UserError(formatConfigErrors(result.errors, result.file), 'PA_CONFIG_INVALID');
  }
  return result.config;
}

function describeLocation(issue: ConfigIssue, file?: string): string {
  if (issue.path === '') return issue.line !== undefined ? `line ${issue.line}` : '';
  const key = `key ${issue.path}`;
  if (issue.source === 'override') return `${key} (from a flag)`;
  if (issue.source === 'file' && issue.line !== undefined) return `${key} (${file ? `${file} ` : ''}line ${issue.line})`;
  if (issue.source === 'missing') return `${key} (not set)`;
  return key;
}
