import semver from 'semver';
import type { z } from 'zod';
import { validateTemplateSet } from '../templates/validate-template-set.js';
import { KNOWN_KEYS, schemaByKind } from './schema.js';
import { PLUGIN_API_VERSION, type Plugin, type PluginKind, type TemplatesPlugin } from '@prompt-aug/plugin-api';

export interface PluginIssue {
  /** Which plugin object (by name, or by its index in an exported array). */
  plugin: string;
  /** The field, e.g. "templates[2].chatTemplate". */
  path: string;
  message: string;
}

export interface PluginValidation {
  plugins: Plugin[];
  errors: PluginIssue[];
  warnings: PluginIssue[];
}

/**
 * Check a plugin module's default export (one plugin object or an array of them) against the
 * contract. Returns problems as data; never throws. A plugin with any error is left out of
 * `plugins`.
 */
export function validatePluginExport(exported: unknown): PluginValidation {
  const result: PluginValidation = { plugins: [], errors: [], warnings: [] };
  const items = Array.isArray(exported) ? exported : [exported];
  if (items.length === 0) result.errors.push({ plugin: '(default export)', path: '', message: 'the exported array is empty' });
  items.forEach((item, index) => validateOne(item, Array.isArray(exported) ? `[${index}]` : '(default export)', result));
  return result;
}

function validateOne(item: unknown, label: string, result: PluginValidation): void {
  if (!item || typeof item !== 'object') {
    result.errors.push({ plugin: label, path: '', message: `expected a plugin object, got ${describe(item)}` });
    return;
  }
  const record = item as Record<string, unknown>;
  const plugin = typeof record.name === 'string' ? record.name : label;
  const kind = record.kind;
  if (kind !== 'templates' && kind !== 'verifier' && kind !== 'backend') {
    result.errors.push({ plugin, path: 'kind', message: `kind must be "templates", "verifier" or "backend", got ${describe(kind)}` });
    return;
  }
  if (typeof record.apiVersion === 'number' && record.apiVersion !== PLUGIN_API_VERSION) {
    result.errors.push({
      plugin,
      path: 'apiVersion',
      message: `written for plugin API ${record.apiVersion}, but this prompt-aug speaks API ${PLUGIN_API_VERSION}; install a version of the plugin made for API ${PLUGIN_API_VERSION} (or a prompt-aug that speaks ${record.apiVersion})`,
    });
  }
  const before = result.errors.length;
  const parsed = (schemaByKind[kind] as z.ZodType).safeParse(item);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      result.errors.push({ plugin, path: issue.path.map(formatKey).join('').replace(/^\./, ''), message: issue.message });
    }
  }
  const unknown = Object.keys(record).filter((k) => !KNOWN_KEYS[kind]!.includes(k));
  for (const key of unknown) result.warnings.push({ plugin, path: key, message: `unknown field "${key}" is ignored` });
  if (typeof record.version === 'string' && !semver.valid(record.version)) {
    result.warnings.push({ plugin, path: 'version', message: `"${record.version}" is not a semver version` });
  }
  if (kind === 'templates' && parsed.success) checkTemplates(plugin, record, result);
  if (result.errors.length === before) result.plugins.push(item as Plugin);
}

function checkTemplates(plugin: string, record: Record<string, unknown>, result: PluginValidation): void {
  const report = validateTemplateSet(record as unknown as TemplatesPlugin);
  for (const message of report.errors) result.errors.push({ plugin, path: 'templates', message });
  for (const message of report.warnings) result.warnings.push({ plugin, path: 'templates', message });
}

function formatKey(key: PropertyKey): string {
  return typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}

export function isPluginKind(value: string): value is PluginKind {
  return value === 'templates' || value === 'verifier' || value === 'backend';
}
