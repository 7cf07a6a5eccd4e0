/**
 * The layering rules of docs/architecture.md, checked on the sources: who may import whom. A rule
 * broken here is a design change to argue for, not a test to update.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-pa.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/g), ...source.matchAll(/import\(\s*'([^']+)'\s*\)/g)];
  return found.map((m) => m[1]!);
}

function ourImports(packageDir: string): Array<{ file: string; spec: string }> {
  return sourceFiles(join(REPO_ROOT, packageDir, 'src')).flatMap((file) =>
    specifiers(file)
      .filter((spec) => spec.startsWith('@prompt-aug/'))
      .map((spec) => ({ file: relative(REPO_ROOT, file), spec })),
  );
}

describe('package layering', () => {
  it.each(['packages/templates/diverse', 'packages/templates/qwen-math', 'packages/verifiers/math'])('%s imports the plugin contract only', (dir) => {
    for (const { file, spec } of ourImports(dir)) expect(`${file}: ${spec}`).toMatch(/: @prompt-aug\/plugin-api$/);
  });

  it.each(['packages/backends/tfjs', 'packages/backends/ort', 'packages/backends/server'])('%s imports the contract, core utilities, model I/O, decoding and the HTTP client, never the trainer or another plugin', (dir) => {
    const allowed = ['@prompt-aug/plugin-api', '@prompt-aug/core', '@prompt-aug/core/model', '@prompt-aug/core/decoding', '@prompt-aug/core/http'];
    for (const { file, spec } of ourImports(dir)) expect(allowed, `${file} imports ${spec}`).toContain(spec);
  });

  it('core imports no plugin package, no eval and no CLI', () => {
    for (const { file, spec } of ourImports('packages/core')) expect(`${file}: ${spec}`).toMatch(/: @prompt-aug\/plugin-api$/);
  });

  it('eval finds plugins by name: it imports the contract and core only', () => {
    for (const { file, spec } of ourImports('packages/eval')) expect(`${file}: ${spec}`).toMatch(/: @prompt-aug\/(plugin-api|core(\/[a-z]+)?)$/);
  });

  it("core's folders import one another without a circle", () => {
    const srcDir = join(REPO_ROOT, 'packages/core/src');
    const folders = readdirSync(srcDir).filter((name) => statSync(join(srcDir, name)).isDirectory());
    const edges = new Map(folders.map((folder) => {
      const targets = new Set<string>();
      for (const file of sourceFiles(join(srcDir, folder))) {
        for (const spec of specifiers(file)) {
          const m = /^\.\.\/([a-z-]+)\//.exec(spec);
          if (m && m[1] !== folder) targets.add(m[1]!);
        }
      }
      return [folder, targets] as const;
    }));
    const circle = (start: string): string[] | null => {
      const walk = (node: string, path: string[]): string[] | null => {
        for (const next of edges.get(node) ?? []) {
          if (next === start) return [...path, next];
          if (!path.includes(next)) {
            const found = walk(next, [...path, next]);
            if (found) return found;
          }
        }
        return null;
      };
      return walk(start, [start]);
    };
    for (const folder of folders) expect(circle(folder), `circle through ${folder}`).toBeNull();
  });
});
