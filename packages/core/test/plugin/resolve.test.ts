import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidatePackageNames, resolvePluginModule } from '../../src/plugin/resolve.js';
import { tempDir, templatesPluginSource, writePackage } from './fixtures.js';

describe('candidatePackageNames', () => {
  it('follows DESIGN.md order: @prompt-aug/NAME, pa-plugin-NAME, NAME', () => {
    expect(candidatePackageNames('foo')).toEqual(['@prompt-aug/foo', 'pa-plugin-foo', 'foo']);
    expect(candidatePackageNames('@acme/pa-plugin-x')).toEqual(['@acme/pa-plugin-x']);
  });
});

describe('resolvePluginModule', () => {
  it('prefers @prompt-aug/NAME over pa-plugin-NAME over NAME', () => {
    const project = tempDir();
    const userDir = tempDir();
    writePackage(project, 'foo', templatesPluginSource('foo'));
    writePackage(project, 'pa-plugin-foo', templatesPluginSource('foo'));
    let result = resolvePluginModule('foo', { cwd: project, userDir });
    expect(result.ok && result.module.packageName).toBe('pa-plugin-foo');
    writePackage(project, '@prompt-aug/foo', templatesPluginSource('foo'));
    result = resolvePluginModule('foo', { cwd: project, userDir });
    expect(result.ok && result.module.packageName).toBe('@prompt-aug/foo');
    expect(result.ok && result.module.origin).toBe('project');
  });

  it('finds plugins in the user folder after the project', () => {
    const project = tempDir();
    const userDir = tempDir();
    const dir = writePackage(userDir, 'pa-plugin-bar', templatesPluginSource('bar'));
    const result = resolvePluginModule('bar', { cwd: project, userDir });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.module.dir).toBe(dir);
      expect(result.module.origin).toBe('user');
    }
  });

  it('accepts a folder path and a module file path', () => {
    const root = tempDir();
    const dir = writePackage(root, 'local-thing', templatesPluginSource('local'));
    const byFolder = resolvePluginModule(dir, { cwd: root, userDir: tempDir() });
    expect(byFolder.ok && byFolder.module.entry).toBe(join(dir, 'index.js'));
    const byFile = resolvePluginModule(join(dir, 'index.js'), { cwd: root, userDir: tempDir() });
    expect(byFile.ok && byFile.module.origin).toBe('path');
  });

  it('never takes a cwd folder that shares the name for a path; ./NAME, file:NAME and file:// URLs are paths', () => {
    const cwd = tempDir();
    const userDir = tempDir();
    writePackage(cwd, 'pa-plugin-foo', templatesPluginSource('foo'));
    // A folder ./foo with a valid plugin in it: only an explicit path may reach it.
    const local = join(cwd, 'foo');
    mkdirSync(local);
    writeFileSync(join(local, 'package.json'), JSON.stringify({ name: 'foo-local', version: '0.0.1', type: 'module', exports: './index.js' }));
    writeFileSync(join(local, 'index.js'), templatesPluginSource('local'));
    const byName = resolvePluginModule('foo', { cwd, userDir });
    expect(byName.ok && byName.module.packageName).toBe('pa-plugin-foo');
    for (const spec of ['./foo', 'file:foo', 'file:./foo', pathToFileURL(local).href]) {
      const byPath = resolvePluginModule(spec, { cwd, userDir });
      expect(byPath.ok && [byPath.module.packageName, byPath.module.origin], spec).toEqual(['foo-local', 'path']);
    }
    mkdirSync(join(cwd, 'bar'));
    const hinted = resolvePluginModule('bar', { cwd, userDir });
    expect(hinted.ok).toBe(false);
    expect(hinted.looked.at(-1)!.found).toContain('pass ./bar to use it');
  });

  it('lists every place looked when nothing is found', () => {
    const project = tempDir();
    const userDir = tempDir();
    const result = resolvePluginModule('nothing-here', { cwd: project, userDir, bundledRoots: [tempDir()] });
    expect(result.ok).toBe(false);
    // 3 candidate names × 3 roots (project, bundled, user)
    expect(result.looked).toHaveLength(9);
    expect(result.looked.map((l) => l.place).join('\n')).toContain(`pa-plugin-nothing-here from ${userDir} (user)`);
  });

  it('reports a package whose entry is missing (not built) and keeps looking', () => {
    const project = tempDir();
    const dir = join(project, 'node_modules', 'pa-plugin-unbuilt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pa-plugin-unbuilt', exports: { '.': './dist/index.js' } }));
    const result = resolvePluginModule('unbuilt', { cwd: project, userDir: tempDir() });
    expect(result.ok).toBe(false);
    expect(result.looked.some((l) => l.place === dir && l.found.includes('no importable entry'))).toBe(true);
  });
});
