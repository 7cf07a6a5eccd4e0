import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel } from '@prompt-aug/core/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPa, tempDir } from './helpers/run-pa.js';

type Line = { benchmark: string; id: string; run: number; sample: number; prompt: string; response: string; correct: boolean; extracted: string | null };

const readLines = (file: string): Line[] => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
const writeLines = (file: string, lines: readonly Line[]): void => writeFileSync(file, lines.map((l) => JSON.stringify(l) + '\n').join(''));
const evalArgs = (model: string, out: string, extra: string[] = [], maxNewTokens = 6): string[] => [
  'eval', model, '--benchmarks', 'math500,amc', '--limit', '2', '--max-new-tokens', String(maxNewTokens), '--out', out, ...extra,
];
const noStack = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at /);

describe('pa eval never reports samples of other weights, settings or origins (real child processes)', () => {
  let root: string;
  let model: string;

  beforeAll(async () => {
    root = tempDir('pa-eval-integrity-');
    model = join(root, 'model');
    await writeTinyModel(model, { seed: 11, maxPositionEmbeddings: 4096 });
  });

  it('refuses samples made by replaced weights or other settings, with or without --resume', async () => {
    const out = join(root, 'stale');
    const first = runPa(evalArgs(model, out));
    expect(first.status, first.stderr).toBe(0);
    // Same shapes, other weights: what a new checkpoint saved over the old path looks like.
    await writeTinyModel(model, { seed: 12, maxPositionEmbeddings: 4096 });
    for (const resume of [[], ['--resume']]) {
      const again = runPa(evalArgs(model, out, resume));
      expect(again.status, again.stdout).toBe(1);
      expect(again.stderr).toContain('made by a different model or with different settings');
      expect(again.stderr).toContain('model file model.safetensors changed');
      noStack(again.stderr);
    }
    await writeTinyModel(model, { seed: 11, maxPositionEmbeddings: 4096 });
    const otherSettings = runPa(evalArgs(model, out, ['--resume'], 7));
    expect(otherSettings.status).toBe(1);
    expect(otherSettings.stderr).toContain('maxNewTokens 6 → 7');
    // The original weights and settings are this eval again: it resumes with nothing to generate.
    const same = runPa(evalArgs(model, out, ['--resume', '--json']));
    expect(same.status, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ timings: { resumedSamples: 4, generatedSamples: 0 } });
    // Without --resume, the library default agrees with the flag: existing samples are not silently reused.
    const plain = runPa(evalArgs(model, out));
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('Pass --resume');
  }, 240_000);

  it('re-grades kept lines on --resume and refuses foreign, out-of-range, duplicate and re-prompted lines', () => {
    const out = join(root, 'tampered');
    const first = runPa(evalArgs(model, out, ['--json']));
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ perQuestionAccuracy: 0 });
    const file = join(out, 'samples.jsonl');
    const original = readLines(file);

    // A stored verdict is not trusted: a random model's responses stay wrong however the line is edited.
    writeLines(file, original.map((l) => ({ ...l, correct: true, extracted: 'x' })));
    const regraded = runPa(evalArgs(model, out, ['--resume', '--json']));
    expect(regraded.status, regraded.stderr).toBe(0);
    expect(JSON.parse(regraded.stdout)).toMatchObject({ perQuestionAccuracy: 0, timings: { resumedSamples: 4, generatedSamples: 0 } });
    expect(readLines(file).map((l) => l.correct)).toEqual([false, false, false, false]);

    const cases: Array<[string, Line[], string]> = [
      ['unknown id', [...original, { ...original[0]!, id: 'not-a-question' }], 'names question "not-a-question"'],
      ['out-of-range run', [...original, { ...original[0]!, run: 3 }], 'has run 3, outside 0..0'],
      ['out-of-range sample', [...original, { ...original[0]!, sample: 1 }], 'has sample 1, outside 0..0'],
      ['duplicate key', [...original, original[1]!], 'line 5 repeats the sample of line 2'],
      ['other prompt', [{ ...original[0]!, prompt: 'What is 1+1? Answer: \\boxed{2}' }, ...original.slice(1)], 'has a prompt other than'],
    ];
    for (const [label, lines, expected] of cases) {
      writeLines(file, lines);
      const resumed = runPa(evalArgs(model, out, ['--resume']));
      expect(resumed.status, `${label}: ${resumed.stdout}`).toBe(1);
      expect(resumed.stderr, label).toContain('holds lines this evaluation did not write');
      expect(resumed.stderr, label).toContain(expected);
      noStack(resumed.stderr);
    }
  }, 240_000);

  it('locks the output folder: a live writer is refused, the lock of a killed one is taken over', () => {
    const out = join(root, 'locked');
    const first = runPa(evalArgs(model, out));
    expect(first.status, first.stderr).toBe(0);
    const lock = join(out, 'eval.lock');
    // This test process is alive, as a concurrent `pa eval` into the same folder would be.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
    const refused = runPa(evalArgs(model, out, ['--resume']));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Another evaluation (pid ${process.pid}`);
    noStack(refused.stderr);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));

    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), startedAt: new Date().toISOString() }));
    const takenOver = runPa(evalArgs(model, out, ['--resume']));
    expect(takenOver.status, takenOver.stderr).toBe(0);
    expect(() => readFileSync(lock)).toThrow(); // released when done
  }, 240_000);
});
