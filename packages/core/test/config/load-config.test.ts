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

const YAML = `# run.yaml
model: Qwen/Qwen2.5-Math-1.5B
optim:
  lr: 0.000001
rollout:
  n: 8
templates:
  - id: qwen-math
  - id: open-r1
    weight: 2
`;

describe('loadConfig', () => {
  test('YAML file + flags: flags win key by key, schema defaults fill the rest', async () => {
    const file = await configFile('run.yaml', YAML);
    const result = loadConfig(RunSchema, { file, overrides: { 'rollout.temperature': 0.6, optim: { warmupSteps: 10 }, algorithm: undefined } });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.file).toBe(file);
    expect(result.config).toEqual({
      model: 'Qwen/Qwen2.5-Math-1.5B',
      algorithm: 'grpo',
      optim: { lr: 1e-6, warmupSteps: 10 },
      rollout: { n: 8, temperature: 0.6 },
      templates: [{ id: 'qwen-math', weight: 1 }, { id: 'open-r1', weight: 2 }],
    });
  });

  test('a JSON file gives the same config; a flag list replaces the file list', async () => {
    const file = await configFile('run.json', JSON.stringify({ model: 'm', optim: { lr: 0.5 }, templates: [{ id: 'a' }, { id: 'b' }] }));
    const result = loadConfig(RunSchema, { file, overrides: { templates: [{ id: 'c' }] } });
    expect(result.config).toEqual({ model: 'm', algorithm: 'grpo', optim: { lr: 0.5, warmupSteps: 0 }, rollout: { n: 8, temperature: 1 }, templates: [{ id: 'c', weight: 1 }] });
  });

  test('errors in a JSON file carry its line too', async () => {
    const file = await configFile('run.json', JSON.stringify({ model: 'm', optim: { lr: 5 } }, null, 2));
    expect(loadConfig(RunSchema, { file }).errors).toEqual([{ path: 'optim.lr', source: 'file', line: 4, message: 'Too big: expected number to be <=1' }]);
  });

  test('flags alone (no file) work', () => {
    const result = loadConfig(RunSchema, { overrides: { model: 'm', 'optim.lr': 0.1 } });
    expect(result.config?.optim).toEqual({ lr: 0.1, warmupSteps: 0 });
    expect(result.file).toBeUndefined();
  });

  test('invalid values are errors naming the key path, where the value came from and its line', async () => {
    const file = await configFile('run.yaml', YAML.replace('lr: 0.000001', 'lr: 3').replace('n: 8', 'n: 0'));
    const result = loadConfig(RunSchema, { file, overrides: { algorithm: 'ppo', 'rollout.temperature': 2.5 } });
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      { path: 'algorithm', source: 'override', message: 'Invalid option: expected one of "grpo"|"dapo"' },
      { path: 'optim.lr', source: 'file', line: 4, message: 'Too big: expected number to be <=1' },
      { path: 'rollout.n', source: 'file', line: 6, message: 'Too small: expected number to be >=1' },
      { path: 'rollout.temperature', source: 'override', message: 'Too big: expected number to be <=2' },
    ]);
  });

  test('a missing required key is reported as not set', () => {
    const result = loadConfig(RunSchema, { overrides: { optim: { lr: 0.1 } } });
    expect(result.errors).toEqual([{ path: 'model', source: 'missing', message: 'Invalid input: expected string, received undefined' }]);
  });

  test('unknown keys are warnings naming the closest known key (Levenshtein <= 2), and are dropped', async () => {
    const file = await configFile('run.yaml', `${YAML}rolout:\n  n: 4\noptim_extra: 1\n`.replace('    weight: 2', '    wieght: 2'));
    const result = loadConfig(RunSchema, { file, overrides: { 'optim.lrr': 0.2 } });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { path: 'optim.lrr', source: 'override', message: 'unknown key "lrr", ignored (did you mean "lr"?)', suggestion: 'lr' },
      { path: 'templates[1].wieght', source: 'file', line: 10, message: 'unknown key "wieght", ignored (did you mean "weight"?)', suggestion: 'weight' },
      { path: 'rolout', source: 'file', line: 11, message: 'unknown key "rolout", ignored (did you mean "rollout"?)', suggestion: 'rollout' },
      { path: 'optim_extra', source: 'file', line: 13, message: 'unknown key "optim_extra", ignored' },
    ]);
    expect(result.config).not.toHaveProperty('rolout');
    expect(result.config?.templates?.[1]).toEqual({ id: 'open-r1', weight: 1 });
  });

  test('in a strict block an unknown key is an error, still with the suggestion', async () => {
    const file = await configFile('run.yaml', `${YAML}eval:\n  evry: 10\n`);
    const result = loadConfig(RunSchema, { file });
    expect(result.errors).toContainEqual({ path: 'eval.evry', source: 'file', line: 12, message: 'unknown key "evry" (did you mean "every"?)', suggestion: 'every' });
    expect(result.warnings).toEqual([]);
  });

  test.each([
    ['run.toml', 'model = "m"', 'the file extension ".toml" is not supported; use a .yaml, .yml or .json file', undefined],
    ['run.yaml', 'model: m\noptim: [1, 2\n', undefined, 3],
    ['run.yml', '- a\n- b\n', 'the file holds a list at the top level, but a config must be a mapping of keys to values', undefined],
    ['run.json', '{"model": "m",}', undefined, undefined],
  ])('file problem in %s is an error as data', async (name, text, message, line) => {
    const file = await configFile(name, text);
    const result = loadConfig(RunSchema, { file });
    expect(result.config).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '', source: 'file', ...(message ? { message } : {}), ...(line ? { line } : {}) });
    if (name === 'run.yaml') expect(result.errors[0]!.message).toMatch(/^not valid YAML: /);
    if (name === 'run.json') expect(result.errors[0]!.message).toMatch(/^not valid JSON: /);
  });

  test('a missing file is an error naming the problem', () => {
    const result = loadConfig(RunSchema, { file: '/nonexistent/run.yaml' });
    expect(result.errors).toEqual([{ path: '', source: 'file', message: 'the file cannot be read (ENOENT); check the path given to --config' }]);
  });
});
