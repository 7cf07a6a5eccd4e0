import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareEvaluations, loadBenchmarks, scoreResponses, type EvalResults } from '../src/index.js';
import { launchChromium } from './helpers/chromium.js';
import { realPlugins, tempDir } from './helpers/fixtures.js';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & </pre></details>';

/** Responses where question `row` of each benchmark is right in `correctSamples(row)` of its k samples. */
async function writeResponses(file: string, k: number, correct: (benchmark: string, row: number, sample: number) => boolean, questions = (_b: string) => 3): Promise<void> {
  const benchmarks = await loadBenchmarks({ limit: 3 });
  const lines = benchmarks.flatMap((b) => b.records.slice(0, questions(b.name)).flatMap((r, row) => Array.from({ length: k }, (_, sample) => ({
    benchmark: b.name, id: r.id, sample,
    response: correct(b.name, row, sample) ? `Reasoning ${HOSTILE}\n$\\boxed{${r.answers[0]!.trim()}}$` : `Wrong ${HOSTILE} \\boxed{-4242}`,
  }))));
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

async function openFile(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(path).href);
  return { page, errors };
}

describe('report.html and comparison.html in headless Chromium', () => {
  let context: BrowserContext;
  let results: EvalResults;
  let reportPath: string;
  const root = tempDir();

  beforeAll(async () => {
    context = await launchChromium();
    const file = join(root, 'responses.jsonl');
    // aime24 gets one question only, so the per-question (pooled) and per-benchmark means differ.
    await writeResponses(file, 2, (b, row, sample) => (b.length + row + sample) % 3 !== 0, (b) => (b === 'aime24' ? 1 : 3));
    const outcome = await scoreResponses({ responsesFile: file, outDir: join(root, 'single'), benchmarks: { limit: 3 }, plugins: await realPlugins() });
    results = outcome.results;
    reportPath = outcome.files.report;
  });

  afterAll(async () => {
    await context?.close();
  });

  it('renders, and every number shown equals results.json', async () => {
    const { page, errors } = await openFile(context, reportPath);
    const onDisk = JSON.parse(await readFile(join(root, 'single', 'results.json'), 'utf8')) as EvalResults;
    expect(onDisk.perBenchmarkAccuracy).toBe(results.perBenchmarkAccuracy);
    const text = (selector: string) => page.locator(selector).first().textContent();
    expect(await text('[data-metric="perBenchmarkAccuracy"]')).toBe(onDisk.perBenchmarkAccuracy.toFixed(1));
    expect(await text('[data-metric="perQuestionAccuracy"]')).toBe(onDisk.perQuestionAccuracy.toFixed(1));
    for (const [name, b] of Object.entries(onDisk.benchmarks)) {
      expect(await text(`td[data-metric="accuracy"][data-benchmark="${name}"]`)).toBe(b.accuracy.toFixed(1));
      expect(await text(`td[data-metric="questions"][data-benchmark="${name}"]`)).toBe(String(b.questions));
      expect(await text(`td[data-metric="passAtK"][data-benchmark="${name}"]`)).toBe(b.passAtK!.toFixed(1));
      expect(await text(`td[data-metric="majAtK"][data-benchmark="${name}"]`)).toBe(b.majAtK!.toFixed(1));
      // The bar chart labels its bars with the same values.
      expect(await text(`svg text[data-bar="${name}"]`)).toBe(b.accuracy.toFixed(1));
      expect(await text(`td[data-metric="secondAccuracy"][data-benchmark="${name}"]`)).toBe(onDisk.secondGrader!.benchmarks[name]!.accuracy.toFixed(1));
    }
    expect(await text('[data-metric="secondPerBenchmarkAccuracy"]')).toBe(onDisk.secondGrader!.perBenchmarkAccuracy.toFixed(1));
    expect(await text('[data-metric="secondPerQuestionAccuracy"]')).toBe(onDisk.secondGrader!.perQuestionAccuracy.toFixed(1));
    expect(await text('[data-metric="differences"]')).toBe(String(onDisk.secondGrader!.differences.count));
    expect(await page.locator('svg rect').count()).toBe(Object.keys(onDisk.benchmarks).length + 2);
    // The averages differ from the per-benchmark mean here, so the test would notice a swapped label.
    expect(onDisk.perBenchmarkAccuracy.toFixed(1)).not.toBe(onDisk.perQuestionAccuracy.toFixed(1));
    expect(errors).toEqual([]);
  });

  it('drill-down opens per question and shows model text escaped, never executed', async () => {
    const { page, errors } = await openFile(context, reportPath);
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    const question = page.locator('details.question[data-benchmark="amc"][data-id="amc-0"]');
    await page.locator('details.benchmark', { hasText: 'amc' }).locator('> summary').click();
    await question.locator('> summary').click();
    const sample = question.locator('details.sample').first();
    await sample.locator('> summary').click();
    await expect.poll(() => sample.locator('pre').isVisible()).toBe(true);
    expect(await sample.locator('pre').textContent()).toContain(HOSTILE);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    const correctShown = await question.locator('[data-question-correct]').textContent();
    const correctInFile = (await readFile(join(root, 'single', 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l))
      .filter((s) => s.benchmark === 'amc' && s.id === 'amc-0' && s.correct).length;
    expect(Number(correctShown)).toBe(correctInFile);
    expect(errors).toEqual([]);
  });

  it('a training run folder becomes one comparison table and accuracy-over-steps curves', async () => {
    const run = join(root, 'run');
    const steps = [20, 40, 60];
    for (const [i, step] of steps.entries()) {
      const file = join(root, `responses-${step}.jsonl`);
      await writeResponses(file, 1, (_b, row) => row < i + 1); // more questions right at later steps
      await scoreResponses({ responsesFile: file, outDir: join(run, 'checkpoints', `step-${String(step).padStart(6, '0')}`, 'eval'), benchmarks: { limit: 3 }, plugins: await realPlugins() });
    }
    const comparison = await compareEvaluations([run], { outFile: join(root, 'comparison.html') });
    expect(comparison.evaluations.map((e) => e.step)).toEqual(steps);
    expect(comparison.evaluations.map((e) => e.label)).toEqual(['step-000020', 'step-000040', 'step-000060']);
    expect(comparison.table.split('\n')[0]).toMatch(/^evaluation\s+aime24\s+amc\s+math500\s+minerva\s+olympiadbench\s+per-benchmark\s+per-question$/);
    const { page, errors } = await openFile(context, comparison.file!);
    for (const e of comparison.evaluations) {
      const cell = (metric: string) => page.locator(`td[data-label="${e.label}"][data-metric="${metric}"]`).textContent();
      expect(await cell('perBenchmarkAccuracy')).toBe(e.results.perBenchmarkAccuracy.toFixed(1));
      expect(await cell('perQuestionAccuracy')).toBe(e.results.perQuestionAccuracy.toFixed(1));
      expect(await cell('math500')).toBe(e.results.benchmarks.math500!.accuracy.toFixed(1));
    }
    expect(await page.locator('svg').count()).toBe(2);
    expect(await page.locator('svg path').count()).toBe(2 + 5); // the two averages, then the five benchmarks
    expect(errors).toEqual([]);
  });
});
