#!/usr/bin/env node
// The table of docs/ablation.md from the arms' run folders: accuracy and entropy, each the mean
// of the 10 steps ending at a fixed step, per arm (config.plugin) as mean ± half the range over
// seeds (config.seed), with the per-seed values. Reads metrics.jsonl directly (complete lines;
// a repeated step keeps its later row), so it checks pa report's numbers independently.
// Usage: node scripts/ablation-table.mjs [--steps 20,40,80] [--window 10] <run folder>...
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const window = Number(option('--window', '10'));
const fixed = option('--steps', '10,40,80,120,160').split(',').map(Number);
if (args.length === 0) {
  console.error('usage: node scripts/ablation-table.mjs [--steps 10,40,80] [--window 10] <run folder>...');
  process.exit(1);
}

function readRun(path) {
  const dir = existsSync(join(path, 'metrics.jsonl')) ? path : join(path, 'run');
  const rows = new Map();
  for (const line of readFileSync(join(dir, 'metrics.jsonl'), 'utf8').split('\n')) {
    try {
      const row = JSON.parse(line);
      rows.set(row.step, row);
    } catch {
      // blank or torn line
    }
  }
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  return { path, arm: config.plugin, seed: config.seed, rows };
}

/**
 * Mean of a metric over the `window` steps ending at `step`; null when the run has not reached
 * `step`. A per-template metric is averaged over the steps that drew the template.
 */
function windowMean(run, step, get) {
  if (!run.rows.has(step)) return null;
  const values = [];
  for (let s = step - window + 1; s <= step; s++) {
    const v = run.rows.has(s) ? get(run.rows.get(s)) : undefined;
    if (typeof v === 'number') values.push(v);
  }
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const runs = args.map(readRun);
const arms = [...new Set(runs.map((r) => r.arm))];
const cell = (values) => {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return '–';
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const half = (Math.max(...present) - Math.min(...present)) / 2;
  return `${mean.toFixed(3)}${present.length > 1 ? ` ± ${half.toFixed(3)}` : ''} (${values.map((v) => (v === null ? '–' : v.toFixed(3))).join(', ')})`;
};
console.log(`| arm | seeds | step s | accuracy (mean of steps s-${window - 1}..s) | accuracy under the qwen-math template (same window) | entropy (same window) | collapse warnings so far |`);
console.log('|---|---|---|---|---|---|---|');
for (const arm of arms) {
  const mine = runs.filter((r) => r.arm === arm).sort((a, b) => a.seed - b.seed);
  for (const step of fixed) {
    const collapses = mine.map((r) => [...r.rows.values()].filter((row) => row.step <= step && row.entropyCollapse === 1).length);
    console.log(`| ${arm} | ${mine.map((r) => r.seed).join(', ')} | ${step} | ${cell(mine.map((r) => windowMean(r, step, (row) => row.accuracy)))} | ${cell(mine.map((r) => windowMean(r, step, (row) => row.accuracyByTemplate?.['qwen-math'])))} | ${cell(mine.map((r) => windowMean(r, step, (row) => row.entropy)))} | ${collapses.join(', ')} |`);
  }
}
