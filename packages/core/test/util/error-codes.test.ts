import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/util/error-codes.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const DEFAULT_CODE = 'PA_USER_ERROR';

/** Every TypeScript source file of every workspace package under packages/ and apps/ (nested ones too). */
function sourceFiles(): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    const names = readdirSync(dir);
    if (names.includes('package.json')) {
      if (!names.includes('src')) return;
      const src = join(dir, 'src');
      const entries = readdirSync(src, { recursive: true, encoding: 'utf8' });
      files.push(...entries.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).map((f) => join(src, f)));
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(join(dir, entry.name));
    }
  };
  visit(join(repoRoot, 'packages'));
  visit(join(repoRoot, 'apps'));
  return files;
}

interface ThrowSite { code: string | null; where: string }

/** Each `new UserError(...)`: its code literal, the default when omitted, or null when not a literal. */
function userErrorSites(file: string, text: string): ThrowSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: ThrowSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'UserError') {
      const arg = node.arguments?.[1];
      const where = `${relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
      const code = arg === undefined ? DEFAULT_CODE : ts.isStringLiteralLike(arg) ? arg.text : null;
      sites.push({ code, where });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

describe('error codes', () => {
  const files = sourceFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const sites = files.flatMap(({ file, text }) => userErrorSites(file, text));
  const catalog = new Set(Object.keys(ERROR_CODES));

  it('finds every `new UserError(` of the sources (the regex count equals the parsed count)', () => {
    const byRegex = files.reduce((n, { text }) => n + (text.match(/\bnew\s+UserError\s*\(/g)?.length ?? 0), 0);
    expect(byRegex).toBeGreaterThan(100);
    expect(sites).toHaveLength(byRegex);
  });

  it('gives every UserError a literal code from the catalog', () => {
    expect(sites.filter((s) => s.code === null).map((s) => s.where), 'codes must be string literals so they can be checked').toEqual([]);
    const unknown = sites.filter((s) => s.code !== null && !catalog.has(s.code)).map((s) => `${s.where} ${s.code}`);
    expect(unknown, 'add these codes to ERROR_CODES (packages/core/src/util/error-codes.ts)').toEqual([]);
  });

  it('lists only codes that something throws', () => {
    const used = new Set(sites.map((s) => s.code));
    expect([...catalog].filter((code) => !used.has(code)), 'remove these codes from ERROR_CODES or throw them').toEqual([]);
  });

  it('explains each code in one sentence of meaning and one of fix', () => {
    for (const [code, { meaning, fix }] of Object.entries(ERROR_CODES)) {
      for (const text of [meaning, fix]) {
        expect(text, code).toMatch(/^\S[^\n]*\.$/);
      }
    }
  });

  it('has docs/errors.md equal to what scripts/error-codes-doc.mjs renders from the catalog', async () => {
    const script = pathToFileURL(join(repoRoot, 'scripts', 'error-codes-doc.mjs')).href;
    const { renderErrorCodesDoc } = (await import(script)) as { renderErrorCodesDoc: (catalog: typeof ERROR_CODES) => string };
    const page = renderErrorCodesDoc(ERROR_CODES);
    for (const code of catalog) expect(page).toContain(`| \`${code}\` |`);
    expect(readFileSync(join(repoRoot, 'docs', 'errors.md'), 'utf8'), 'run `node scripts/error-codes-doc.mjs` after building core').toBe(page);
  });
});
