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

describe('pa train: checkpoints and resume', () => {
  // Both training backends; on ORT one policy also generates the rollouts (no weight sync).
  it.each(['tfjs', 'ort'])('--backend %s: a run killed with SIGKILL mid-training resumes and replays exactly the steps of an uninterrupted run', async (backend) => {
    const setup = await tinyTrainingSetup();
    const whole = join(setup.root, 'whole');
    const done = runPa([...smallRunFlags(setup, whole, { 'max-steps': String(STEPS), backend }), '--json']);
    expect(done.status, done.stderr).toBe(0);
    expect(parseJson(done)).toMatchObject({ steps: STEPS });
    const reference = readRows(whole);
    expect(reference.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);

    const killed = join(setup.root, 'killed');
    const flags = smallRunFlags(setup, killed, { 'max-steps': String(STEPS), backend });
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

  it('refuses to resume with a different recipe, and to overwrite a run without --resume', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    expect(runPa(smallRunFlags(setup, out, { 'max-steps': '2' })).status).toBe(0);
    const again = runPa(smallRunFlags(setup, out, { 'max-steps': '2' }));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds a run');
    const changed = runPa([...smallRunFlags(setup, out, { 'max-steps': '4', lr: '2e-3' }), '--resume']);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('trained with a different configuration');
    // It names what changed, read from the run folder's config.json (1e-3 then, 2e-3 now).
    expect(changed.stderr.replace(/\s*\n\s*/g, ' ')).toContain('It differs in optimizer.lr 0.001 then, 0.002 now.');
  }, 120_000);
});

describe('pa train: periodic eval', () => {
  it('evaluates checkpoints on the five benchmarks with the eval harness and logs evals.jsonl', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    const result = runPa(smallRunFlags(setup, out, {
      'max-steps': '2', 'eval-every': '2', 'eval-limit': '1', 'eval-max-new-tokens': '4',
      'eval-backend': 'backend-ort',
    }));
    expect(result.status, result.stderr).toBe(0);
    const evals = readFileSync(join(out, 'evals.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number | string>);
    expect(evals).toHaveLength(1);
    expect(evals[0]).toMatchObject({ step: 2, perBenchmarkAccuracy: 0, perQuestionAccuracy: 0 });
    const results = JSON.parse(readFileSync(join(out, 'checkpoints', 'step-000002', 'eval', 'results.json'), 'utf8')) as { benchmarks: Record<string, unknown> };
    expect(Object.keys(results.benchmarks).sort()).toEqual(['aime24', 'amc', 'math500', 'minerva', 'olympiadbench']);
  }, 120_000);
});
