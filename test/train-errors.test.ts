import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPa, tempDir } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

describe('pa train: bad input stops with one clear paragraph', () => {
  it('names a missing model folder', async () => {
    const setup = await tinyTrainingSetup();
    const result = runPa(smallRunFlags({ ...setup, model: join(setup.root, 'no-such-model') }, join(setup.root, 'run')));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no-such-model');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names an empty dataset', async () => {
    const setup = await tinyTrainingSetup();
    const empty = join(setup.root, 'empty.jsonl');
    writeFileSync(empty, '');
    const result = runPa(smallRunFlags({ ...setup, data: empty }, join(setup.root, 'run')));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The dataset ${empty} has no rows`);
  });

  it('names the file, line and field of a row without an answer', async () => {
    const setup = await tinyTrainingSetup();
    const bad = join(setup.root, 'bad.jsonl');
    writeFileSync(bad, '{"problem": "What is 1 + 1?", "answer": "2"}\n{"problem": "What is 2 + 2?"}\n');
    const result = runPa(smallRunFlags({ ...setup, data: bad }, join(setup.root, 'run')));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toMatch(/line 2/);
    expect(result.stderr).toMatch(/answer/);
  });

  it('--device webgpu where the WebGPU EP cannot start names the device and the fix (on a GPU machine: trains)', async () => {
    const setup = await tinyTrainingSetup();
    const doctor = JSON.parse(runPa(['doctor', '--json']).stdout) as { backends: Array<{ name: string; devices: Array<{ device: string; available: boolean }> }> };
    const webgpu = doctor.backends.find((b) => b.name === 'backend-ort')!.devices.find((d) => d.device === 'webgpu')!;
    const result = runPa(smallRunFlags(setup, join(setup.root, 'run'), { device: 'webgpu', 'max-steps': '1' }));
    if (webgpu.available) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain('training on backend-ort (device webgpu)');
      return;
    }
    expect(result.status).toBe(1);
    const message = result.stderr.replace(/\s*\n\s*/g, ' ');
    expect(message).toMatch(/device "webgpu" was requested but ONNX Runtime's WebGPU execution provider could not start on this machine: .*--device cpu.*\[PA_ORT_DEVICE_UNAVAILABLE\]/);
    // No stack trace, not even the C++ frame Dawn (the native WebGPU library) prints with its Vulkan warning.
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(setup.root, 'run', 'metrics.jsonl'))).toBe(false);
  }, 120_000);

  it('stops on a NaN loss and leaves the last checkpoint intact', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    // An absurd learning rate blows the weights up after the first update. One update per step
    // (all 4 prompts in one mini-batch), so step 1 completes on the starting weights and is saved;
    // with two, ORT's second update in step 1 already meets the blown-up weights (tfjs' got a finite loss there).
    const result = runPa(smallRunFlags(setup, out, { lr: '1e30', 'save-every': '1', 'max-steps': '5', 'mini-batch-prompts': '4' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The loss became NaN or infinite at step \d/);
    expect(result.stderr).toContain('is intact');
    expect(existsSync(join(out, 'checkpoints', 'step-000001', 'trainer_state', 'state.json'))).toBe(true);
  }, 120_000);
});

describe('pa train: a full disk', () => {
  const mountPoint = tempDir('pa-full-disk-');
  let mounted = false;
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
  });

  it('stops with a clear message when a checkpoint does not fit, keeping the previous one', async () => {
    const setup = await tinyTrainingSetup();
    // A real tiny filesystem (CI runs as root): room for one checkpoint of this model, not two.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mountPoint]);
    mounted = true;
    const out = join(mountPoint, 'run');
    mkdirSync(out);
    const result = runPa(smallRunFlags(setup, out, { 'save-every': '1', 'keep-last': '5', 'max-steps': '6' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The disk is full');
    expect(result.stderr).toContain('The previous checkpoints are intact');
    const state = JSON.parse(readFileSync(join(out, 'checkpoints', 'step-000001', 'trainer_state', 'state.json'), 'utf8')) as { step: number };
    expect(state.step).toBe(1);
  }, 120_000);
});
