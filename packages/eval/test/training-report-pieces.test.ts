import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrainingRun, trainingReport } from '../src/index.js';
import { configDifferences } from '../src/report/training/config-diff.js';
import { minMaxBuckets } from '../src/report/training/downsample.js';
import { emaSmooth } from '../src/report/training/smoothing.js';
import { tempDir } from './helpers/fixtures.js';

describe('training report pieces', () => {
  it('emaSmooth is TensorBoard\'s debiased EMA (worked by hand), skipping missing values', () => {
    // w = 0.5: a1 = 0.5·2 = 1, d1 = 0.5 → 2; a2 = 0.5 + 0.5·4 = 2.5, d2 = 0.75 → 3.333…; a3 = 1.25 + 0.5·0 = 1.25, d3 = 0.875 → 1.428…
    const out = emaSmooth([2, 4, null, 0], 0.5);
    expect(out[0]).toBeCloseTo(2, 12);
    expect(out[1]).toBeCloseTo(10 / 3, 12);
    expect(out[2]).toBeNull();
    expect(out[3]).toBeCloseTo(1.25 / 0.875, 12);
    expect(emaSmooth([1, null, 3], 0)).toEqual([1, null, 3]);
  });

  it('minMaxBuckets keeps every point under the limit, and each bucket\'s extremes (a one-step spike) over it', () => {
    expect(minMaxBuckets([1, 2, 3], [5, null, 7], 10)).toEqual([0, 2]);
    const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
    const ys = xs.map((x) => (x === 517 ? 100 : x === 733 ? -50 : Math.sin(x / 40)));
    const kept = minMaxBuckets(xs, ys, 50);
    expect(kept.length).toBeLessThanOrEqual(50);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
    expect(kept).toContain(516); // the spike
    expect(kept).toContain(732); // the dip
    expect([...kept].sort((a, b) => a - b)).toEqual(kept); // drawn in step order
  });

  it('configDifferences lists the keys that differ from the first run, nested keys dotted, out ignored', () => {
    const first = { out: 'a', seed: 1, plugin: 'templates-diverse', optimizer: { lr: 0.001, schedule: 'cosine' } };
    const other = { out: 'b', seed: 2, plugin: 'templates-diverse', optimizer: { lr: '0.001', schedule: 'cosine' }, extra: true };
    expect(configDifferences(first, other)).toEqual([
      { key: 'extra', value: 'true', first: '(unset)' },
      { key: 'optimizer.lr', value: '"0.001"', first: '0.001' },
      { key: 'seed', value: '2', first: '1' },
    ]);
  });

  it('loadTrainingRun: a torn last line is left out, a step logged twice keeps its later row, a demo folder is found through run/', async () => {
    const demo = tempDir();
    const dir = join(demo, 'run');
    mkdirSync(dir);
    writeFileSync(join(dir, 'metrics.jsonl'), [
      { step: 1, reward: 0.1, accuracyByTemplate: { 'a.b': 0.5 } },
      { step: 2, reward: 0.2 },
      { step: 3, reward: 0.3 },
      { step: 2, reward: 0.25, accuracyByTemplate: { 'a.b': 1 } }, // resumed from step 1: step 2 again
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    appendFileSync(join(dir, 'metrics.jsonl'), '{"step": 4, "reward": 0.');
    writeFileSync(join(dir, 'evals.jsonl'), '{"step":2,"perBenchmarkAccuracy":10}\n{"step":2,"perBenchmarkAccuracy":12,"accuracy/amc":5}\n{"step":4,"perBench');
    const run = await loadTrainingRun(demo);
    expect(run.name).toBe(demo.split('/').at(-1));
    expect(run.steps).toEqual([1, 2, 3]);
    expect(run.series['["reward"]']).toEqual([0.1, 0.25, 0.3]);
    expect(run.series['["accuracyByTemplate","a.b"]']).toEqual([0.5, 1, null]);
    expect(run.replacedRows).toBe(1);
    expect(run.evals).toEqual([{ step: 2, values: { perBenchmarkAccuracy: 12, 'accuracy/amc': 5 } }]);
  });

  it('bad input gets a clear error naming the file: a corrupt middle line, a folder without metrics', async () => {
    const dir = tempDir();
    await expect(loadTrainingRun(dir)).rejects.toThrow(/holds no metrics\.jsonl/);
    writeFileSync(join(dir, 'metrics.jsonl'), '{"step":1,"reward":1}\nnot json\n{"step":3,"reward":1}\n');
    await expect(loadTrainingRun(dir)).rejects.toThrow(/Line 2 of the metrics file .*metrics\.jsonl is not a metrics row/);
    writeFileSync(join(dir, 'metrics.jsonl'), '{"step":1,"reward":1}\n');
    writeFileSync(join(dir, 'evals.jsonl'), '{"step":1}\n[1]\n{"step":2}\n');
    await expect(loadTrainingRun(dir)).rejects.toThrow(/Line 2 of .*evals\.jsonl is not an eval row/);
  });

  it('a hostile template id or config value stays text: escaped in the markup, \\u003c in the data block', async () => {
    const dir = tempDir();
    const evil = '</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>';
    writeFileSync(join(dir, 'metrics.jsonl'), JSON.stringify({ step: 1, accuracyByTemplate: { [evil]: 0.5 }, entropy: 0.3 }) + '\n');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ plugin: evil }));
    const { html } = await trainingReport([dir, dir]);
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(2); // the data block and the page's own script
    const block = /<script type="application\/json" id="pa-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(Object.keys(JSON.parse(block).runs[0].series)).toContain(JSON.stringify(['accuracyByTemplate', evil]));
    expect(html).toContain(`data-template="&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"`);
  });
});
