import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { closestMatch, levenshtein } from '../../src/config/closest-match.js';
import { deepMerge, expandDottedKeys } from '../../src/config/deep-merge.js';
import { formatConfig, formatConfigErrors, throwIfConfigErrors } from '../../src/config/format-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { UserError } from '../../src/util/user-error.js';
import { useTempDirs } from '../data/temp-dir.js';
import { RunSchema } from './example-schema.js';

const tempDir = useTempDirs();
const CONFIG = { model: 'm', algorithm: 'dapo', optim: { lr: 0.001, warmupSteps: 5 }, rollout: { n: 4, temperature: 0.7 } };

describe('--print-config and error messages', () => {
  test('formatConfig writes YAML and JSON that parse back to the same config', () => {
    const yaml = formatConfig(CONFIG, 'yaml');
    expect(yaml).toBe('model: m\nalgorithm: dapo\noptim:\n  lr: 0.001\n  warmupSteps: 5\nrollout:\n  n: 4\n  temperature: 0.7\n');
    expect(parse(yaml)).toEqual(CONFIG);
    const json = formatConfig(CONFIG, 'json');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(CONFIG);
  });

  test('formatConfigErrors is one paragraph naming the file, each key path and its origin', async () => {
    const file = join(await tempDir(), 'run.yaml');
    await writeFile(file, 'optim:\n  lr: 5\n');
    const result = loadConfig(RunSchema, { file, overrides: { algorithm: 'ppo' } });
    const message = formatConfigErrors(result.errors, file);
    expect(message).toBe(
      `Config file ${file} is invalid: key model (not set): Invalid input: expected string, received undefined; ` +
        'key algorithm (from a flag): Invalid option: expected one of "grpo"|"dapo"; ' +
        `key optim.lr (${file} line 2): Too big: expected number to be <=1. ` +
        `Fix these values in ${file} or in the flags (flags override the file), then run again; --print-config shows the merged result.`,
    );
    expect(message).not.toContain('\n');
  });

  test('throwIfConfigErrors returns the config, or throws that paragraph as a UserError', async () => {
    expect(throwIfConfigErrors(loadConfig(RunSchema, { overrides: { model: 'm', optim: { lr: 0.1 } } })).model).toBe('m');
    const file = join(await tempDir(), 'run.yml');
    await writeFile(file, 'model: [\n');
    const error = (() => {
      try {
        throwIfConfigErrors(loadConfig(RunSchema, { file }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(new RegExp(`^Config file ${file} is invalid: line \\d+: not valid YAML: `));
  });
});

describe('merging and suggestions', () => {
  test('deepMerge merges objects, replaces scalars and arrays, skips undefined', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { c: [3], e: null }, d: undefined, f: 2 }))
      .toEqual({ a: { b: 1, c: [3], e: null }, d: 'x', f: 2 });
  });

  test('expandDottedKeys nests flag names and merges them with nested objects', () => {
    expect(expandDottedKeys({ 'optim.lr': 1, optim: { warmupSteps: 2 }, 'a.b.c': true, skip: undefined }))
      .toEqual({ optim: { lr: 1, warmupSteps: 2 }, a: { b: { c: true } } });
  });

  test('levenshtein distances computed by hand', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('lr', 'lr')).toBe(0);
    expect(closestMatch('rolout', ['rollout', 'model'])).toBe('rollout');
    expect(closestMatch('temprature', ['temperature', 'n'])).toBe('temperature');
    expect(closestMatch('batch', ['rollout', 'model'])).toBeUndefined();
  });
});
