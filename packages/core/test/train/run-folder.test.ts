import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFolder, runFolderPaths } from '../../src/train/run-folder.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'pa-run-folder-'));

describe('classifyFolder', () => {
  it('a folder with a model config.json and weights is a model folder', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'qwen2', hidden_size: 8 }));
    writeFileSync(join(dir, 'model.safetensors'), '');
    expect(classifyFolder(dir)).toEqual({ kind: 'model', dir });
  });

  it("the trainer's own config.json (no model_type) makes a run folder, with its finished checkpoints oldest first", () => {
    const dir = fresh();
    writeFileSync(runFolderPaths(dir).config, JSON.stringify({ model: 'Qwen/Qwen2.5-Math-1.5B', out: dir, seed: 42 }));
    for (const step of ['step-000040', 'step-000020']) {
      mkdirSync(join(dir, 'checkpoints', step, 'trainer_state'), { recursive: true });
      writeFileSync(join(dir, 'checkpoints', step, 'trainer_state', 'state.json'), '{}');
    }
    mkdirSync(join(dir, 'checkpoints', 'step-000060')); // an unfinished save: not a checkpoint
    expect(classifyFolder(dir)).toEqual({
      kind: 'run', dir,
      checkpoints: [{ step: 20, dir: join(dir, 'checkpoints', 'step-000020') }, { step: 40, dir: join(dir, 'checkpoints', 'step-000040') }],
    });
  });

  it('a run that has only logged metrics so far is a run folder with no checkpoints', () => {
    const dir = fresh();
    writeFileSync(runFolderPaths(dir).metrics, '');
    expect(classifyFolder(dir)).toEqual({ kind: 'run', dir, checkpoints: [] });
  });

  it.each([
    ['missing', (d: string) => join(d, 'nope'), 'it does not exist'],
    ['a file', (d: string) => (writeFileSync(join(d, 'f'), ''), join(d, 'f')), 'it is a file, not a folder'],
    ['empty', (d: string) => d, 'it has no config.json, checkpoints/ or metrics.jsonl'],
    ['broken config', (d: string) => (writeFileSync(join(d, 'config.json'), '[1'), d), 'its config.json is not a JSON object'],
    ['model config without weights', (d: string) => (writeFileSync(join(d, 'config.json'), '{"model_type":"qwen2"}'), d), 'no weights'],
    ['unrelated config', (d: string) => (writeFileSync(join(d, 'config.json'), '{"name":"x"}'), d), 'neither a model config'],
  ])('%s is neither, with the reason', (_label, make, reason) => {
    const got = classifyFolder(make(fresh()));
    expect(got.kind).toBe('neither');
    expect(got.kind === 'neither' && got.reason).toContain(reason);
  });
});
