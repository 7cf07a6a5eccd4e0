import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The eval report test's launcher: Debian's /usr/bin/chromium through playwright-core, never skipped.
import { launchChromium } from '../packages/eval/test/helpers/chromium.js';
import { parseJson, runPa, tempDir } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

type Row = Record<string, unknown> & { step: number };
type Browser = Awaited<ReturnType<typeof launchChromium>>;

/** metrics.jsonl read independently of the report code: complete lines only, a repeated step's later row wins. */
function readRows(file: string): Map<number, Row> {
  const rows = new Map<number, Row>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const row = JSON.parse(line) as Row;
      rows.set(row.step, row);
    } catch {
      // a blank or torn line
    }
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a - b));
}

const valueAt = (row: Row, path: readonly string[]): number | null => {
  let v: unknown = row;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : null;
};

/** Debiased EMA (TensorBoard's smoothing), written again here so the page's is checked against a second implementation. */
function ema(values: readonly number[], w: number): number[] {
  let avg = 0;
  return values.map((v, i) => {
    avg = avg * w + (1 - w) * v;
    return avg / (1 - w ** (i + 1));
  });
}

interface Curve { run: number; series: string; points: [number, number][]; xDomain: number[]; yDomain: number[]; plot: number[] }

/** Every curve on the page, its path turned back into (step, value) pairs through the chart's own axes. */
async function readCurves(page: Awaited<ReturnType<Browser['newPage']>>): Promise<Curve[]> {
  const raw = await page.$$eval('path.curve', (paths) => paths.map((p) => {
    const svg = p.closest('svg')!;
    return { run: Number(p.getAttribute('data-run')), series: p.getAttribute('data-series')!, d: p.getAttribute('d')!, x: svg.dataset.xDomain!, y: svg.dataset.yDomain!, plot: svg.dataset.plot! };
  }));
  return raw.map((c) => {
    const [x0, x1] = c.x.split(',').map(Number) as [number, number];
    const [y0, y1] = c.y.split(',').map(Number) as [number, number];
    const [l, t, w, h] = c.plot.split(',').map(Number) as [number, number, number, number];
    const points = c.d.split(/[ML]/).filter(Boolean).map((pair: string) => {
      const [px, py] = pair.split(',').map(Number) as [number, number];
      return [x0 + ((px - l) / w) * (x1 - x0), y0 + ((t + h - py) / h) * (y1 - y0)] as [number, number];
    });
    return { run: c.run, series: c.series, points, xDomain: [x0, x1], yDomain: [y0, y1], plot: [l, t, w, h] };
  });
}

/** Path coordinates have one decimal: a value is exact to 0.05 px of its axis. */
function expectOnCurve(curve: Curve, expected: readonly [number, number][], label: string): void {
  expect(curve.points.length, label).toBe(expected.length);
  const xTol = (0.051 / curve.plot[2]!) * (curve.xDomain[1]! - curve.xDomain[0]! || 1);
  const yTol = (0.051 / curve.plot[3]!) * (curve.yDomain[1]! - curve.yDomain[0]!);
  curve.points.forEach(([x, y], i) => {
    expect(Math.abs(x - expected[i]![0]), `${label} step ${expected[i]![0]}`).toBeLessThanOrEqual(xTol);
    expect(Math.abs(y - expected[i]![1]), `${label} step ${expected[i]![0]}: ${y} vs ${expected[i]![1]}`).toBeLessThanOrEqual(yTol);
  });
}

describe('pa report in headless Chromium, on two real training runs', () => {
  let browser: Browser;
  let runA: string;
  let runB: string;
  let html: string;

  beforeAll(async () => {
    browser = await launchChromium();
    const setup = await tinyTrainingSetup();
    // Run A: diverse templates with a periodic eval, stopped at step 2 and resumed to step 4.
    runA = join(setup.root, 'diverse');
    const evalFlags = { 'eval-every': '2', 'eval-limit': '1', 'eval-max-new-tokens': '4', 'eval-backend': 'backend-ort' };
    const first = runPa(smallRunFlags(setup, runA, { 'max-steps': '2', ...evalFlags }), { timeoutMs: 240_000 });
    expect(first.status, first.stderr).toBe(0);
    const resumed = runPa([...smallRunFlags(setup, runA, { 'max-steps': '4', ...evalFlags }), '--resume'], { timeoutMs: 240_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    // Run B: the single qwen-math template, another seed, and a collapse threshold every step falls under.
    runB = join(setup.root, 'qwen <b>"math" & <img src=x>');
    writeFileSync(join(setup.root, 'b.yaml'), 'entropyCollapseThreshold: 1000\n');
    const second = runPa([...smallRunFlags(setup, runB, { 'max-steps': '3', plugin: 'templates-qwen-math', seed: '7' }), '--config', join(setup.root, 'b.yaml')], { timeoutMs: 240_000 });
    expect(second.status, second.stderr).toBe(0);
    // A run still going: its last line is half written.
    appendFileSync(join(runB, 'metrics.jsonl'), '{"step":4,"reward":0.12');
    const out = join(setup.root, 'report.html');
    const report = runPa(['report', runA, runB, '--out', out, '--json']);
    expect(report.status, report.stderr).toBe(0);
    const summary = parseJson<{ file: string; runs: { name: string; steps: number; entropyCollapse: unknown[]; evals: number; differsFromFirst: { key: string }[] }[] }>(report);
    expect(summary.runs.map((r) => [r.name, r.steps, r.evals])).toEqual([['diverse', 4, 2], ['qwen <b>"math" & <img src=x>', 3, 0]]);
    expect(summary.runs[1]!.entropyCollapse).toEqual([{ from: 1, to: 3 }]);
    expect(summary.runs[1]!.differsFromFirst.map((d) => d.key)).toEqual(expect.arrayContaining(['plugin', 'seed', 'entropyCollapseThreshold']));
    html = out;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('every curve\'s points equal the metrics.jsonl (and evals.jsonl) values; smoothing redraws them as an EMA', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pathToFileURL(html).href);
    const runs = [readRows(join(runA, 'metrics.jsonl')), readRows(join(runB, 'metrics.jsonl'))];
    expect([...runs[1]!.keys()]).toEqual([1, 2, 3]);
    const curves = await readCurves(page);
    const training = curves.filter((c) => JSON.parse(c.series)[0] !== 'eval');
    for (const curve of training) {
      const path = JSON.parse(curve.series) as string[];
      const expected = [...runs[curve.run]!.values()].flatMap((row) => {
        const v = valueAt(row, path);
        return v === null ? [] : [[row.step, v] as [number, number]];
      });
      expectOnCurve(curve, expected, `run ${curve.run} ${curve.series}`);
    }
    // Every metric the issue names is drawn, for both runs.
    expect(training.length).toBeGreaterThan(2 * 11 + 3 * seenTemplates(runs));
    const drawn = new Set(training.map((c) => `${c.run} ${c.series}`));
    for (const run of [0, 1]) {
      for (const p of [['reward'], ['accuracy'], ['formatReward'], ['entropy'], ['responseLength', 'mean'], ['clipFrac'], ['clipFracLower'], ['gradNorm'], ['approxKl'], ['lr'], ['time', 'step']]) {
        expect(drawn.has(`${run} ${JSON.stringify(p)}`), `run ${run} ${p.join('.')}`).toBe(true);
      }
    }
    // The periodic evals (run A, steps 2 and 4), with the best checkpoint of each curve circled.
    const evals = readFileSync(join(runA, 'evals.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    const evalCurves = curves.filter((c) => JSON.parse(c.series)[0] === 'eval');
    expect(evalCurves.map((c) => JSON.parse(c.series)[1]).sort()).toEqual(Object.keys(evals[0]!).filter((k) => k !== 'step' && k !== 'checkpoint').sort());
    for (const curve of evalCurves) {
      const name = JSON.parse(curve.series)[1] as string;
      expectOnCurve(curve, evals.map((e) => [e.step!, e[name]!]), `eval ${name}`);
      const best = evals.reduce((a, b) => (b[name]! > a[name]! ? b : a));
      expect(await page.locator(`circle.best[data-series='${curve.series}']`).getAttribute('data-step')).toBe(String(best.step));
    }
    // Smoothing: the entropy curves become the EMA of the logged values.
    await page.locator('#smoothing').fill('0.6');
    const smoothed = (await readCurves(page)).filter((c) => c.series === '["entropy"]');
    expect(smoothed).toHaveLength(2);
    for (const curve of smoothed) {
      const rows = [...runs[curve.run]!.values()];
      const values = ema(rows.map((r) => r.entropy as number), 0.6);
      expectOnCurve(curve, rows.map((r, i) => [r.step, values[i]!]), `smoothed entropy run ${curve.run}`);
    }
    expect(await page.locator('path.raw').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('has a panel per template seen, the collapse warnings where they were raised, and shows folder names as text', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pathToFileURL(html).href);
    const seen = new Set<string>();
    for (const file of [join(runA, 'metrics.jsonl'), join(runB, 'metrics.jsonl')]) {
      for (const row of readRows(file).values()) for (const id of Object.keys(row.accuracyByTemplate as object)) seen.add(id);
    }
    expect(seen.size).toBeGreaterThan(1);
    const panels = await page.$$eval('section.template-panel', (s) => s.map((e) => e.getAttribute('data-template')));
    expect(panels).toEqual([...seen].sort());
    for (const id of seen) {
      const charts = await page.locator(`section.template-panel[data-template="${id}"] figure`).evaluateAll((f) => f.map((e) => e.getAttribute('data-chart')));
      expect(charts, id).toEqual(['accuracyByTemplate', 'formatRewardByTemplate', 'entropyByTemplate']);
    }
    // Run B raised the warning at every step (threshold 1000); run A never did.
    const bands = await page.$$eval('figure[data-chart="entropy"] rect.band', (r) => r.map((e) => [e.getAttribute('data-run'), e.getAttribute('data-from'), e.getAttribute('data-to')]));
    expect(bands).toEqual([['1', '1', '3']]);
    expect(await page.locator('#runs tr[data-run="1"] [data-label]').textContent()).toBe('qwen <b>"math" & <img src=x>');
    expect(await page.locator('#runs b').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

/** Templates that appear in any run's per-template accuracy. */
function seenTemplates(runs: readonly Map<number, Row>[]): number {
  return new Set(runs.flatMap((rows) => [...rows.values()].flatMap((r) => Object.keys(r.accuracyByTemplate as object)))).size;
}

describe('pa report: bad input', () => {
  it('a folder that is not a run gets one clear paragraph, no stack trace', () => {
    const empty = tempDir('pa-report-');
    const result = runPa(['report', empty, '--out', join(empty, 'r.html')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${empty} holds no metrics.jsonl`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const json = runPa(['report', join(empty, 'missing'), '--json']);
    expect(json.status).toBe(1);
    expect(parseJson<{ error: { code: string } }>(json).error.code).toBe('PA_REPORT_RUN_FOLDER_MISSING');
  });
});
