import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { useTempDirs } from '../data/temp-dir.js';
import { RunSchema } from './example-schema.js';

const tempDir = useTempDirs();
async function configFile(name: string, text: string): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

describe('config keys named like Object.prototype members', () => {
  for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
    test(`"${key}" (YAML, top level and nested) is an unknown key like any other, not a TypeError`, async () => {
      const file = await configFile('run.yaml', `model: m\n${key}: 1\noptim:\n  lr: 0.001\n  ${key}: 2\n`);
      const result = loadConfig(RunSchema, { file });
      expect(result.errors).toEqual([]);
      expect(result.config).toMatchObject({ model: 'm', optim: { lr: 0.001 } });
      expect(result.warnings.map((w) => [w.path, w.source, w.line])).toEqual([[key, 'file', 2], [`optim.${key}`, 'file', 5]]);
    });
  }

  test('"constructor" in a JSON config and as a dotted flag is reported, not a crash', async () => {
    const file = await configFile('run.json', JSON.stringify({ model: 'm', optim: { lr: 0.1 }, constructor: { x: 1 } }));
    const result = loadConfig(RunSchema, { file, overrides: { 'rollout.valueOf': 3 } });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.path, w.source])).toEqual([['constructor', 'file'], ['rollout.valueOf', 'override']]);
  });

  for (const [format, text] of [
    ['run.json', '{"model": "m", "optim": {"lr": 0.1}, "__proto__": {"algorithm": "dapo"}}'],
    ['run.yaml', 'model: m\noptim:\n  lr: 0.1\n__proto__:\n  algorithm: dapo\n'],
  ] as const) {
    test(`"__proto__" in ${format} is refused by name and changes nothing`, async () => {
      const file = await configFile(format, text);
      const result = loadConfig(RunSchema, { file });
      expect(result.config).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ path: '__proto__', source: 'file' });
      expect(result.errors[0]!.message).toMatch(/"__proto__" is not a setting.*remove it/);
      expect(Object.getPrototypeOf(result.merged) === Object.prototype || Object.getPrototypeOf(result.merged) === null).toBe(true);
      expect((result.merged as { algorithm?: unknown }).algorithm).toBeUndefined();
    });
  }
});

describe('a billion-laughs YAML config', () => {
  test('is refused in one message that names the file and the fix', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    levels.push(`model: [${Array(9).fill('*g').join(',')}]`);
    const file = await configFile('lol.yaml', `${levels.join('\n')}\n`);
    const result = loadConfig(RunSchema, { file });
    expect(result.config).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/aliases \(\*name\) expand to too much data .*billion laughs.*write the repeated values out/);
    const { formatConfigErrors } = await import('../../src/config/format-config.js');
    expect(formatConfigErrors(result.errors, result.file)).toContain(file);
  });
});
