import { describe, expect, it } from 'vitest';
import { loadPlugin, loadPluginModule } from '../../src/plugin/load.js';
import { isUserError } from '../../src/util/user-error.js';
import { tempDir, templatesPluginSource, writePackage } from './fixtures.js';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('loadPlugin', () => {
  it('loads a valid templates plugin by its short name', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-good', templatesPluginSource('good'));
    const loaded = await loadPlugin('good', { cwd: project, userDir: tempDir(), kind: 'templates' });
    expect(loaded.plugin.name).toBe('good');
    expect(loaded.plugin.templates[0]!.id).toBe('plain');
    expect(loaded.warnings).toEqual([]);
  });

  it('refuses a wrong apiVersion, naming the plugin and both versions', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-future', templatesPluginSource('future').replace('apiVersion: 1', 'apiVersion: 2'));
    const error = await failure(loadPlugin('future', { cwd: project, userDir: tempDir() }));
    expect(error.message).toContain('Plugin "future"');
    expect(error.message).toContain('plugin API 2');
    expect(error.message).toContain('speaks API 1');
  });

  it('names a missing field', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-nofield', `export default { kind: 'templates', name: 'nofield', version: '1.0.0', apiVersion: 1, templates: [{ id: 'x' }] };`);
    const error = await failure(loadPlugin('nofield', { cwd: project, userDir: tempDir() }));
    expect(error.message).toContain('templates[0].chatTemplate');
  });

  it('reports a module that throws on import', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-boom', `throw new Error('kaboom at import');`);
    const error = await failure(loadPlugin('boom', { cwd: project, userDir: tempDir() }));
    expect(error.message).toContain('threw while it was being imported: kaboom at import');
    expect(error.message).toContain('pa plugins uninstall pa-plugin-boom');
  });

  it('rejects invalid Jinja and duplicate template ids', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-jinja', `export default { kind: 'templates', name: 'jinja', version: '1.0.0', apiVersion: 1,
      templates: [{ id: 'a', chatTemplate: '{% for m in messages %}' }, { id: 'a', chatTemplate: 'ok' }] };`);
    const error = await failure(loadPlugin('jinja', { cwd: project, userDir: tempDir() }));
    expect(error.message).toContain('template "a"');
    expect(error.message).toContain('appears more than once');
  });

  it('warns (does not fail) when the peer range on core excludes the running core', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-old', templatesPluginSource('old'), { peerDependencies: { '@prompt-aug/core': '^9.0.0' } });
    const loaded = await loadPluginModule('old', { cwd: project, userDir: tempDir() });
    expect(loaded.warnings.map((w) => w.message).join()).toContain('declares @prompt-aug/core ^9.0.0');
  });

  it('warns (does not fail) when the peer range on the plugin API excludes the running one', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-future', templatesPluginSource('future'), { peerDependencies: { '@prompt-aug/plugin-api': '^7.0.0' } });
    const loaded = await loadPluginModule('future', { cwd: project, userDir: tempDir() });
    expect(loaded.warnings.map((w) => w.message).join()).toContain('declares @prompt-aug/plugin-api ^7.0.0, but the running one is 0.1.0');
  });

  it('picks the plugin of the requested kind from an exported array', async () => {
    const project = tempDir();
    writePackage(project, 'pa-plugin-multi', `export default [
      { kind: 'verifier', name: 'v', version: '1.0.0', apiVersion: 1, extract() { return null; }, verify() { return { correct: false, extracted: null, reason: 'x' }; } },
      { kind: 'templates', name: 't', version: '1.0.0', apiVersion: 1, templates: [{ id: 'x', chatTemplate: '{{ messages[-1].content }}', answerFormat: { boxed: true } }] },
    ];`);
    const loaded = await loadPlugin('multi', { cwd: project, userDir: tempDir(), kind: 'templates' });
    expect(loaded.plugin.name).toBe('t');
    const error = await failure(loadPlugin('multi', { cwd: project, userDir: tempDir(), kind: 'backend' }));
    expect(error.message).toContain('exports no backend plugin');
  });

  it('says where it looked when a plugin is missing', async () => {
    const error = await failure(loadPlugin('ghost', { cwd: tempDir(), userDir: tempDir() }));
    expect(error.message).toContain('Plugin "ghost" was not found');
    expect(error.message).toContain('@prompt-aug/ghost');
    expect(error.message).toContain('pa plugins install');
  });
});
