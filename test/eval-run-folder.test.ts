import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

describe('pa eval <run folder> on a run folder written by pa train (real child processes)', () => {
  it('evaluates every finished checkpoint of the run, although the run folder has its own (training) config.json', async () => {
    const setup = await tinyTrainingSetup();
    const run = join(setup.root, 'run');
    const trained = runPa([...smallRunFlags(setup, run, { 'max-steps': '4', 'save-every': '2' }), '--json']);
    expect(trained.status, trained.stderr).toBe(0);
    expect(existsSync(join(run, 'config.json'))).toBe(true); // what made `pa eval <run>` take it for a model folder
    const out = join(setup.root, 'eval');
    const evaluated = runPa(['eval', run, '--benchmarks', 'math500', '--limit', '1', '--max-new-tokens', '4', '--out', out, '--json']);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const checkpoints = parseJson<{ checkpoints: Array<{ outDir: string }> }>(evaluated).checkpoints;
    expect(checkpoints.map((c) => c.outDir)).toEqual([join(out, 'step-000002'), join(out, 'step-000004')]);
    for (const c of checkpoints) expect(readFileSync(join(c.outDir, 'samples.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(out, 'comparison.html'))).toBe(true);
  }, 300_000);

  it('says what a folder is not, in one paragraph, for a folder that is neither a model nor a run', () => {
    const result = runPa(['eval', tempDir('pa-not-a-model-'), '--limit', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is neither a model folder nor a training run');
    expect(result.stderr).toContain('it has no config.json, checkpoints/ or metrics.jsonl');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
