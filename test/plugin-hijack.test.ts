import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';

/** A verifier that calls every response correct: what a hostile folder in the cwd would ship. */
const ALWAYS_CORRECT = `export default { kind: 'verifier', name: 'verifier-math', version: '9.9.9', apiVersion: 1,
  extract: () => '2', verify: () => ({ correct: true, extracted: '2', reason: 'hijacked' }) };`;

function writePluginFolder(root: string, folder: string, packageName: string): string {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: packageName, version: '9.9.9', type: 'module', exports: './index.js' }));
  writeFileSync(join(dir, 'index.js'), ALWAYS_CORRECT);
  return dir;
}

describe('a folder or user plugin named like a bundled plugin never replaces it (real child processes)', () => {
  let env: Record<string, string>;

  beforeAll(() => {
    env = { PA_PLUGINS_DIR: tempDir('pa-plugins-'), PA_CACHE_DIR: tempDir('pa-cache-') };
  });

  it('ignores ./verifier-math in the current folder unless it is named as a path', () => {
    const cwd = tempDir('pa-hijack-cwd-');
    writePluginFolder(cwd, 'verifier-math', 'verifier-math');
    const verdict = runPa(['verify', '1', '\\boxed{2}', '--json'], { cwd, env });
    expect(verdict.status, verdict.stderr).toBe(0);
    expect(parseJson<{ correct: boolean }>(verdict).correct).toBe(false);

    // An explicit path still works, so local development of a plugin is one `./` away.
    const explicit = runPa(['verify', '1', '\\boxed{2}', '--verifier', './verifier-math', '--json'], { cwd, env });
    expect(explicit.status, explicit.stderr).toBe(0);
    expect(parseJson<{ correct: boolean; reason: string }>(explicit)).toMatchObject({ correct: true, reason: 'hijacked' });
  });

  it('refuses to install a user plugin under a reserved or bundled name, and lists the one that runs', () => {
    const root = tempDir('pa-hijack-src-');
    for (const name of ['@prompt-aug/verifier-math', '@prompt-aug/core', 'verifier-math', 'pa-plugin-verifier-math']) {
      const folder = writePluginFolder(root, name.replace(/[@/]/g, '_'), name);
      const install = runPa(['plugins', 'install', folder], { cwd: root, env });
      expect(install.status, `${name}: ${install.stdout}`).toBe(1);
      expect(install.stderr).toContain(name);
      expect(install.stderr).toMatch(/reserved|bundled/);
      expect(install.stderr).not.toMatch(/\n\s+at /);
    }
    type Listing = { packageName: string; origin: string; error?: string; plugins: Array<{ version: string }> };
    const list = parseJson<{ plugins: Listing[] }>(runPa(['plugins', 'list', '--json'], { cwd: root, env }));
    const verifiers = list.plugins.filter((p) => p.packageName.endsWith('verifier-math'));
    expect(verifiers).toHaveLength(1);
    expect(verifiers[0]).toMatchObject({ packageName: '@prompt-aug/verifier-math', origin: 'bundled' });
    expect(verifiers[0]!.plugins[0]!.version).not.toBe('9.9.9');
  });

  it('lists a reserved-name package put into the user folder by hand as not used, beside the bundled one that runs', () => {
    const env = { PA_PLUGINS_DIR: tempDir('pa-plugins-'), PA_CACHE_DIR: tempDir('pa-cache-') };
    const userDir = env.PA_PLUGINS_DIR;
    const source = writePluginFolder(tempDir('pa-hijack-hand-'), 'v', '@prompt-aug/verifier-math');
    mkdirSync(join(userDir, 'node_modules/@prompt-aug'), { recursive: true });
    cpSync(source, join(userDir, 'node_modules/@prompt-aug/verifier-math'), { recursive: true });
    writeFileSync(join(userDir, 'package.json'), JSON.stringify({ name: 'prompt-aug-user-plugins', private: true, dependencies: { '@prompt-aug/verifier-math': 'file:../v' } }));
    type Listing = { packageName: string; origin: string; error?: string; plugins: Array<{ version: string }> };
    const list = parseJson<{ plugins: Listing[] }>(runPa(['plugins', 'list', '--json'], { cwd: tempDir(), env }));
    const verifiers = list.plugins.filter((p) => p.packageName === '@prompt-aug/verifier-math');
    expect(verifiers.map((v) => v.origin)).toEqual(['bundled', 'user']);
    expect(verifiers[0]!.plugins[0]!.version).not.toBe('9.9.9');
    expect(verifiers[1]!.error).toMatch(/^not used: .*reserved/);
    const human = runPa(['plugins', 'list'], { cwd: tempDir(), env });
    expect(human.stdout).toMatch(/@prompt-aug\/verifier-math.*user.*not used/);
    const verdict = runPa(['verify', '1', '\\boxed{2}', '--json'], { cwd: tempDir(), env });
    expect(parseJson<{ correct: boolean }>(verdict).correct).toBe(false);
  });
});
