import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsLog } from '../../src/metrics/metrics-log.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-metrics-'));
  file = join(dir, 'metrics.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (...rows: object[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

describe('MetricsLog', () => {
  it('appends one JSON line per step, step first, nested groups kept', async () => {
    const log = await MetricsLog.open(file);
    await log.append({ loss: 0.5, step: 1, rewardByTemplate: { 'open-r1': 0.5, 'qwen-math': 1 } });
    await log.append({ step: 2, loss: 0.25 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe(
      '{"step":1,"loss":0.5,"rewardByTemplate":{"open-r1":0.5,"qwen-math":1}}\n{"step":2,"loss":0.25}\n',
    );
    expect(await readMetrics(file)).toEqual([
      { step: 1, loss: 0.5, rewardByTemplate: { 'open-r1': 0.5, 'qwen-math': 1 } },
      { step: 2, loss: 0.25 },
    ]);
  });

  it('writes non-finite numbers as null so the key (a diverged loss) stays visible', async () => {
    const log = await MetricsLog.open(file);
    await log.append({ step: 0, loss: Number.NaN, gradNorm: Number.POSITIVE_INFINITY, entropy: 1 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe('{"step":0,"loss":null,"gradNorm":null,"entropy":1}\n');
  });

  it('keeps appends in call order even when the caller does not await each one', async () => {
    const log = await MetricsLog.open(file);
    await Promise.all([1, 2, 3, 4].map((step) => log.append({ step, loss: step })));
    await log.close();
    expect((await readMetrics(file)).map((row) => row.step)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a step that is not after the last one (it would be a duplicate), writing nothing', async () => {
    const log = await MetricsLog.open(file);
    await log.append({ step: 3, loss: 1 });
    await expect(log.append({ step: 3, loss: 2 })).rejects.toThrow(/not after the last logged step 3/);
    await expect(log.append({ step: 2, loss: 2 })).rejects.toThrow(RangeError);
    await expect(log.append({ step: 4, note: 'text' } as never)).rejects.toThrow(/must be a number/);
    await log.append({ step: 4, loss: 4 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe(lines({ step: 3, loss: 1 }, { step: 4, loss: 4 }));
  });

  it('a fresh run refuses to reuse a file that holds rows, and leaves it untouched', async () => {
    const earlier = lines({ step: 1, loss: 1 }, { step: 2, loss: 2 });
    await writeFile(file, earlier);
    await expect(MetricsLog.open(file)).rejects.toMatchObject({ name: 'UserError', code: 'PA_METRICS_EXISTS' });
    await expect(MetricsLog.open(file)).rejects.toThrow(/2 rows \(steps 1–2\).*Resume that run/);
    expect(await readFile(file, 'utf8')).toBe(earlier);
  });

  it('on resume drops rows after the checkpoint step, then continues without duplicates', async () => {
    await writeFile(file, lines(...[1, 2, 3, 4, 5].map((step) => ({ step, loss: step }))));
    const log = await MetricsLog.open(file, { checkpointStep: 3 });
    await log.append({ step: 4, loss: 40 });
    await log.close();
    expect(await readMetrics(file)).toEqual([
      { step: 1, loss: 1 },
      { step: 2, loss: 2 },
      { step: 3, loss: 3 },
      { step: 4, loss: 40 },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['metrics.jsonl']); // the atomic rewrite left no temp file
  });

  it('drops a torn last line on resume (and readMetrics skips it)', async () => {
    await writeFile(file, lines({ step: 1, loss: 1 }, { step: 2, loss: 2 }) + '{"step":3,"lo');
    expect((await readMetrics(file)).map((row) => row.step)).toEqual([1, 2]);
    const log = await MetricsLog.open(file, { checkpointStep: 10 });
    await log.append({ step: 3, loss: 3 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe(lines({ step: 1, loss: 1 }, { step: 2, loss: 2 }, { step: 3, loss: 3 }));
  });

  it('keeps a complete last row whose newline never reached the disk, and terminates it', async () => {
    await writeFile(file, '{"step":1,"loss":1}\n{"step":2,"loss":2}');
    const log = await MetricsLog.open(file, { checkpointStep: 2 });
    await log.append({ step: 3, loss: 3 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe('{"step":1,"loss":1}\n{"step":2,"loss":2}\n{"step":3,"loss":3}\n');
  });

  it('does not rewrite a file that needs no change', async () => {
    const text = lines({ step: 1, loss: 1 });
    await writeFile(file, text);
    const log = await MetricsLog.open(file, { checkpointStep: 1 });
    await log.close();
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('creates the run folder when it does not exist yet', async () => {
    const nested = join(dir, 'runs', 'first', 'metrics.jsonl');
    const log = await MetricsLog.open(nested);
    await log.append({ step: 1, loss: 1 });
    await log.close();
    expect(await readMetrics(nested)).toEqual([{ step: 1, loss: 1 }]);
  });

  it('resuming with no metrics file yet starts an empty one', async () => {
    const log = await MetricsLog.open(file, { checkpointStep: 0 });
    await log.append({ step: 1, loss: 1 });
    await log.close();
    expect(await readMetrics(file)).toEqual([{ step: 1, loss: 1 }]);
  });

  it('a bad line in the middle is a clear error naming the file and line, and the file is kept', async () => {
    const text = '{"step":1,"loss":1}\nnot json\n{"step":3,"loss":3}\n';
    await writeFile(file, text);
    await expect(MetricsLog.open(file, { checkpointStep: 5 })).rejects.toMatchObject({
      name: 'UserError',
      code: 'PA_METRICS_CORRUPT',
      message: expect.stringContaining(`Line 2 of the metrics file ${file}`),
    });
    await expect(readMetrics(file)).rejects.toThrow(/Line 2/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('readMetrics names a missing file', async () => {
    await expect(readMetrics(file)).rejects.toMatchObject({ name: 'UserError', code: 'PA_METRICS_MISSING' });
  });
});
