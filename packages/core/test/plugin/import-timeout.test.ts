import { describe, expect, it } from 'vitest';
import { loadPluginModule } from '../../src/plugin/load.js';
import { pluginImportTimeoutMs } from '../../src/plugin/import-with-timeout.js';
import { tempDir, writePackage } from './fixtures.js';

describe('plugin imports are time-boxed', () => {
  it('a module whose top-level await never settles is a UserError naming the plugin, after the limit', async () => {
    const root = tempDir();
    const dir = writePackage(root, 'pa-plugin-stuck', 'await new Promise(() => {});\nexport default [];\n');
    process.env.PA_PLUGIN_IMPORT_TIMEOUT_MS = '300';
    try {
      const started = Date.now();
      const error = await loadPluginModule(dir, { cwd: root }).then(() => undefined, (e: unknown) => e as Error & { code?: string });
      expect(error?.code).toBe('PA_PLUGIN_IMPORT_TIMEOUT');
      expect(error?.message).toContain(`Plugin "${dir}"`);
      expect(error?.message).toContain('did not finish loading within 0.3 s');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      delete process.env.PA_PLUGIN_IMPORT_TIMEOUT_MS;
    }
  });

  it('PA_PLUGIN_IMPORT_TIMEOUT_MS sets the limit; anything but a positive number keeps 10 s', () => {
    expect(pluginImportTimeoutMs({ PA_PLUGIN_IMPORT_TIMEOUT_MS: '2500' })).toBe(2500);
    for (const value of [undefined, '', '0', '-5', 'soon']) expect(pluginImportTimeoutMs({ PA_PLUGIN_IMPORT_TIMEOUT_MS: value })).toBe(10_000);
  });
});
