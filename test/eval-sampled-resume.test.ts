import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTinyModel } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { runPa, tempDir } from './helpers/run-pa.js';

type Line = { benchmark: string; id: string; run: number; sample: number; response: string };
const key = (l: Line) => `${l.benchmark}/${l.id}/${l.run}/${l.sample}`;
const responses = (out: string): Record<string, string> =>
  Object.fromEntries(readFileSync(join(out, 'samples.jsonl'), 'utf8').trim().split('\n').map((t) => JSON.parse(t) as Line).map((l) => [key(l), l.response]).sort());

describe('a sampled eval gives the same samples for any batching, and after a kill mid-batch (real child processes)', () => {
  it('batch size 1, batch size 4 and a killed-then-resumed run with batch size 3 write identical responses', async () => {
    const root = tempDir('pa-eval-sampled-');
    const model = join(root, 'model');
    await writeTinyModel(model, { seed: 5, maxPositionEmbeddings: 4096 });
    const args = (out: string, batch: number, extra: string[] = []) => [
      'eval', model, '--benchmarks', 'math500,amc', '--limit', '3', '--samples', '2', '--temperature', '1', '--max-new-tokens', '8',
      '--batch-size', String(batch), '--out', out, ...extra,
    ];
    const one = join(root, 'b1');
    const four = join(root, 'b4');
    for (const [out, batch] of [[one, 1], [four, 4]] as const) {
      const result = runPa(args(out, batch));
      expect(result.status, result.stderr).toBe(0);
    }
    const reference = responses(one);
    expect(Object.keys(reference)).toHaveLength(12);
    expect(new Set(Object.values(reference)).size).toBeGreaterThan(6); // really sampled: the texts differ
    expect(responses(four)).toEqual(reference);

    // What a kill leaves: the first batch whole and the next one torn mid-line (5 lines, then half of one).
    const killed = join(root, 'killed');
    expect(runPa(args(killed, 4)).status).toBe(0);
    const lines = readFileSync(join(killed, 'samples.jsonl'), 'utf8').split('\n');
    writeFileSync(join(killed, 'samples.jsonl'), lines.slice(0, 5).join('\n') + '\n' + lines[5]!.slice(0, 20));
    const resumed = runPa(args(killed, 3, ['--resume', '--json']));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ timings: { resumedSamples: 5, generatedSamples: 7 } });
    expect(responses(killed)).toEqual(reference);
  }, 300_000);
});
