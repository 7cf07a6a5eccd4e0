import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesFromDoc } from './helpers/docs-files.js';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';

/** A plugin package written only from docs/plugins.md, packed with npm pack. */
function packDocsPlugin(): string {
  const dir = tempDir('pa-docs-plugin-');
  const files = filesFromDoc('docs/plugins.md');
  expect([...files.keys()].sort()).toEqual(['index.js', 'package.json', 'templates.js']);
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  const packed = spawnSync('npm', ['pack', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball).toBe('pa-plugin-socratic-1.0.0.tgz');
  return join(dir, tarball!);
}

function writeBadPlugin(root: string, name: string, source: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.1', type: 'module', exports: './index.js' }));
  writeFileSync(join(dir, 'index.js'), source);
  return dir;
}

describe('pa plugins (real child processes, isolated user folder)', () => {
  let env: Record<string, string>;
  let project: string;

  beforeAll(() => {
    env = { PA_PLUGINS_DIR: tempDir('pa-data-'), PA_CACHE_DIR: tempDir('pa-cache-') };
    project = tempDir('pa-project-');
  });

  it('installs the docs example from a tarball, lists it and renders its templates by short name', () => {
    const tarball = packDocsPlugin();
    const install = runPa(['plugins', 'install', tarball, '--json'], { cwd: project, env });
    expect(install.status, install.stderr).toBe(0);
    expect(parseJson(install)).toMatchObject({ packageName: 'pa-plugin-socratic', plugins: [{ name: 'socratic', kind: 'templates', version: '1.0.0' }] });

    const list = parseJson<{ plugins: Array<{ packageName: string; origin: string; plugins: Array<{ name: string }> }> }>(
      runPa(['plugins', 'list', '--json'], { cwd: project, env }),
    );
    const socratic = list.plugins.find((p) => p.packageName === 'pa-plugin-socratic');
    expect(socratic).toMatchObject({ origin: 'user', plugins: [{ name: 'socratic' }] });

    const templates = runPa(['templates', 'list', '--plugin', 'socratic', '--json'], { cwd: project, env });
    expect(templates.status, templates.stderr).toBe(0);
    expect(parseJson(templates)).toMatchObject({ plugin: 'socratic', templates: [{ id: 'socratic', prefill: 'Q: ', answerFormat: { boxed: true }, hasFormatReward: true }] });

    const human = runPa(['templates', 'list', '--plugin', 'socratic'], { cwd: project, env });
    expect(human.stdout).toContain('socratic@1.0.0: 1 templates, selection per-prompt');

    const removed = runPa(['plugins', 'uninstall', 'socratic'], { cwd: project, env });
    expect(removed.status, removed.stderr).toBe(0);
    const after = runPa(['templates', 'list', '--plugin', 'socratic'], { cwd: project, env });
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('Plugin "socratic" was not found');
  });

  it.each([
    ['wrong apiVersion', `export default { kind: 'templates', name: 'bad', version: '1.0.0', apiVersion: 7, templates: [{ id: 'a', chatTemplate: '{{ messages[-1].content }}' }] };`, 'written for plugin API 7'],
    ['missing field', `export default { kind: 'templates', name: 'bad', version: '1.0.0', apiVersion: 1, templates: [{ id: 'a' }] };`, 'templates[0].chatTemplate'],
    ['module that throws on import', `throw new Error('broken on purpose');`, 'threw while it was being imported: broken on purpose'],
  ])('gives one clear paragraph for a plugin with a %s', (_label, source, expected) => {
    const dir = writeBadPlugin(tempDir('pa-bad-'), 'pa-plugin-bad', source);
    const result = runPa(['templates', 'list', '--plugin', dir], { cwd: project, env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).toContain(dir);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses to keep an invalid package installed', () => {
    const dir = writeBadPlugin(tempDir('pa-bad-'), 'pa-plugin-invalid', `export default { kind: 'nonsense' };`);
    const result = runPa(['plugins', 'install', dir], { cwd: project, env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('kind must be');
    const list = parseJson<{ plugins: Array<{ packageName: string }> }>(runPa(['plugins', 'list', '--json'], { cwd: project, env }));
    expect(list.plugins.map((p) => p.packageName)).not.toContain('pa-plugin-invalid');
  });

  it('--help teaches every command with examples', () => {
    const help = runPa(['--help']);
    expect(help.status).toBe(0);
    for (const topic of ['plugins', 'templates', 'doctor']) expect(help.stdout).toContain(topic);
    const installHelp = runPa(['plugins', 'install', '--help']);
    expect(installHelp.stdout).toContain('EXAMPLES');
    expect(installHelp.stdout).toContain('pa plugins install ./pa-plugin-socratic-1.0.0.tgz');
  });
});
