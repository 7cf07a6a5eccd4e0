import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'pa-plugin-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write an ESM package `name` under `<root>/node_modules` whose entry has `source`. */
export function writePackage(root: string, name: string, source: string, extra: Record<string, unknown> = {}): string {
  const dir = join(root, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3', type: 'module', exports: { '.': { import: './index.js' } }, ...extra }));
  writeFileSync(join(dir, 'index.js'), source);
  return dir;
}

export const templatesPluginSource = (name: string, overrides = '') => `
export default {
  kind: 'templates', name: '${name}', version: '1.2.3', apiVersion: 1,
  templates: [{ id: 'plain', chatTemplate: '{% for m in messages %}{{ m.content }}{% endfor %}', answerFormat: { boxed: true } }],
  ${overrides}
};
`;
