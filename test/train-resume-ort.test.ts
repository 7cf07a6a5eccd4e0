/**
 * `pa train --backend ort` end to end: ONNX Runtime trains and generates the rollouts (one
 * policy, no weight sync), checkpoints, and resumes after SIGKILL exactly like an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PA_BIN, parseJson, runPa } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup, trainingNumbers } from './helpers/train-fixtures.js';

const STEPS = 6;

function readRows(runDir: string): Array<Record<string, unknown>> {
  const file = join(runDir, 'metrics.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Start `pa train` and SIGKILL it once `killAfterRows` metrics rows are on disk. */
async function runAndKill(args: string[], runDir: string, killAfterRows: number): Promise<number> {
  const child = spawn(process.execPath, [PA_BIN, ...args], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const rows = readRows(runDir).length;
      if (rows >= killAfterRows) {
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(readRows(runDir).length);
    });
    child.on('error', reject);
  });
}

describe('pa train on ONNX Runtime: checkpoints and resume', () => {
  it('--backend ort: a run killed with SIGKILL mid-training resumes and replays exactly the steps of an uninterrupted run', async () => {
    const setup = await tinyTrainingSetup();
    const whole = join(setup.root, 'whole');
    const done = runPa([...smallRunFlags(setup, whole, { 'max-steps': String(STEPS), backend: 'ort' }), '--json']);
    expect(done.status, done.stderr).toBe(0);
    expect(parseJson(done)).toMatchObject({ steps: STEPS });
    const reference = readRows(whole);
    expect(reference.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);

    const killed = join(setup.root, 'killed');
    const flags = smallRunFlags(setup, killed, { 'max-steps': String(STEPS), backend: 'ort' });
    const rowsAtKill = await runAndKill(flags, killed, 3);
    expect(rowsAtKill).toBeGreaterThanOrEqual(3);
    expect(rowsAtKill).toBeLessThan(STEPS);
    const resumed = runPa([...flags, '--resume', '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);

    const replayed = readRows(killed);
    expect(replayed.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(replayed.map(trainingNumbers)).toEqual(reference.map(trainingNumbers));
    // Checkpoints: every 2 steps, the last 3 kept, each a loadable HF folder with its trainer state.
    const checkpoints = ['step-000002', 'step-000004', 'step-000006'].map((s) => join(killed, 'checkpoints', s));
    for (const dir of checkpoints) {
      expect(existsSync(join(dir, 'config.json')), dir).toBe(true);
      expect(existsSync(join(dir, 'model.safetensors')), dir).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'trainer_state', 'state.json'), 'utf8'))).toMatchObject({ step: Number(dir.slice(-6)) });
    }
    expect(readFileSync(join(whole, 'checkpoints', 'step-000006', 'model.safetensors'))).toEqual(readFileSync(join(killed, 'checkpoints', 'step-000006', 'model.safetensors')));
  }, 240_000);

});
