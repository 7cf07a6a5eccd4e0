import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTinyModel } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';

describe('pa export onnx and pa eval on a tiny random checkpoint', () => {
  it('exports an ONNX decoder the ORT backend loads, and evaluates all five benchmarks end to end', async () => {
    const root = tempDir('pa-eval-e2e-');
    const model = join(root, 'model');
    await writeTinyModel(model, { seed: 11, maxPositionEmbeddings: 4096 });
    const exported = runPa(['export', 'onnx', model, '--json']);
    expect(exported.status, exported.stderr).toBe(0);
    const paths = parseJson<{ modelPath: string; dataPath: string }>(exported);
    expect(existsSync(paths.modelPath)).toBe(true);
    expect(existsSync(paths.dataPath)).toBe(true);

    const out = join(root, 'eval');
    const args = ['eval', model, '--backend', 'ort', '--limit', '2', '--max-new-tokens', '8', '--out', out, '--json'];
    const evaluated = runPa(args);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { benchmarks: Record<string, { accuracy: number; count?: number }>; perBenchmarkAccuracy: number; perQuestionAccuracy: number };
    expect(Object.keys(results.benchmarks).sort()).toEqual(['aime24', 'amc', 'math500', 'minerva', 'olympiadbench']);
    for (const file of ['samples.jsonl', 'results.json', 'report.html']) expect(existsSync(join(out, file)), file).toBe(true);
    const samples = readFileSync(join(out, 'samples.jsonl'), 'utf8').trim().split('\n');
    expect(samples).toHaveLength(10);
    // A random model answers nothing right: both averages are 0, computed from the per-sample grades.
    expect(results.perBenchmarkAccuracy).toBe(0);
    expect(results.perQuestionAccuracy).toBe(0);

    const again = runPa([...args, '--resume']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'samples.jsonl'), 'utf8').trim().split('\n')).toHaveLength(10);
  }, 240_000);
});
