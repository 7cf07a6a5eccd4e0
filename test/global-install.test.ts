import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers/run-pa.js';

const PACKAGES = ['packages/plugin-api', 'packages/core', 'packages/eval', 'packages/templates/diverse', 'packages/templates/qwen-math', 'packages/verifiers/math', 'packages/backends/tfjs', 'packages/backends/ort', 'packages/backends/server', 'apps/cli'];

describe('npm i -g of the packed CLI', () => {
  it('gives a global pa that finds the built-in plugins', () => {
    const packs = tempDir('pa-packs-');
    for (const dir of PACKAGES) {
      const packed = spawnSync('pnpm', ['pack', '--pack-destination', packs], { cwd: join(REPO_ROOT, dir), encoding: 'utf8' });
      expect(packed.status, packed.stderr).toBe(0);
    }
    const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
    expect(tarballs).toHaveLength(PACKAGES.length);
    const prefix = tempDir('pa-global-');
    // Install scripts are skipped as in the workspace (onnxruntime-node's would fetch CUDA libraries).
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { encoding: 'utf8', timeout: 300_000 });
    expect(install.status, install.stderr).toBe(0);
    const pa = join(prefix, 'bin', 'pa');
    const out = spawnSync(pa, ['templates', 'list', '--plugin', 'templates-diverse', '--json'], { encoding: 'utf8', cwd: tempDir(), env: { ...process.env, PA_PLUGINS_DIR: tempDir() } });
    expect(out.status, out.stderr).toBe(0);
    expect((JSON.parse(out.stdout) as { templates: unknown[] }).templates).toHaveLength(13);
  }, 360_000);
});
