import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-pa.js';

const PACKAGES = [
  'packages/plugin-api',
  'packages/core',
  'packages/eval',
  'packages/templates/diverse',
  'packages/templates/qwen-math',
  'packages/verifiers/math',
  'packages/backends/tfjs',
  'packages/backends/ort',
  'packages/backends/server',
  'apps/cli',
];

describe('every package is publishable', () => {
  it.each(PACKAGES)('%s packs (pnpm pack) and passes publint --strict', async (dir) => {
    const pkgDir = join(REPO_ROOT, dir);
    const { messages } = await publint({ pkgDir, pack: 'pnpm', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.publishConfig).toEqual({ access: 'public' });
    expect(pkg.files).toBeDefined();
  });

  it('template sets and verifiers depend on the plugin contract only; backends peer-depend on core', () => {
    const read = (dir: string) => JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string>; dependencies?: Record<string, string> };
    const ours = (deps: Record<string, string> | undefined) => Object.keys(deps ?? {}).filter((n) => n.startsWith('@prompt-aug/'));
    for (const dir of PACKAGES.filter((d) => /templates|verifiers/.test(d))) {
      const pkg = read(dir);
      expect(ours(pkg.dependencies), dir).toEqual(['@prompt-aug/plugin-api']);
      expect(ours(pkg.peerDependencies), dir).toEqual([]);
    }
    for (const dir of PACKAGES.filter((d) => /backends/.test(d))) {
      const pkg = read(dir);
      // The whole 0.x line: plugin compatibility is decided by apiVersion, not by core's minor version.
      expect(pkg.peerDependencies?.['@prompt-aug/core'], dir).toBe('>=0.1.0 <1.0.0');
      expect(ours(pkg.dependencies), dir).toEqual(['@prompt-aug/plugin-api']);
    }
    expect(Object.keys(read('packages/plugin-api').dependencies ?? {})).toEqual([]);
  });
});
