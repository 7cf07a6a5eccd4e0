// Speed of the built verifier (dist/), single thread: checks per second and per-check latency
// on the dev cases and on the 1,560 benchmark golds (each gold against `\boxed{gold}` and
// against a perturbed copy). Writes bench/results/verifier.json.
// Run: pnpm --filter @prompt-aug/verifier-math build && node bench/verifier-bench.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { verifyAnswer } from '../dist/index.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!process.env.PA_DATA_DIR) throw new Error('Set PA_DATA_DIR to the folder holding the local data copies (verifier/, benchmarks/, train/); see README, "Test data".');
const DATA = process.env.PA_DATA_DIR;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function perturb(gold) {
  const m = [...gold.matchAll(/\d+/g)].pop();
  return m ? gold.slice(0, m.index) + String(BigInt(m[0]) + 1n) + gold.slice(m.index + m[0].length) : undefined;
}

function devChecks() {
  return readJsonl(`${DATA}/verifier/dev_cases.jsonl`).map((c) => [c.gold, c.response, { kind: c.kind, mode: 'train' }]);
}

function goldChecks() {
  const names = ['aime24', 'amc', 'math500', 'minerva', 'olympiadbench'];
  const checks = [];
  for (const name of names) {
    for (const row of readJsonl(`${DATA}/benchmarks/${name}.jsonl`)) {
      const gold = Array.isArray(row.answer) ? row.answer.map(String) : String(row.answer);
      const first = String(Array.isArray(row.answer) ? row.answer[0] : row.answer).trim();
      checks.push([gold, `The answer is $\\boxed{${first}}$.`, { mode: 'eval' }]);
      const wrong = perturb(first);
      if (wrong) checks.push([gold, `The answer is $\\boxed{${wrong}}$.`, { mode: 'eval' }]);
    }
  }
  return checks;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function measure(label, checks, rounds) {
  const latencies = [];
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const [gold, response, opts] of checks) {
      const t = performance.now();
      verifyAnswer(gold, response, opts);
      latencies.push(performance.now() - t);
    }
  }
  const totalMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const result = {
    label,
    checks: checks.length,
    rounds,
    checksPerSecond: Math.round((latencies.length / totalMs) * 1000),
    medianMs: +quantile(latencies, 0.5).toFixed(4),
    p99Ms: +quantile(latencies, 0.99).toFixed(4),
    maxMs: +latencies[latencies.length - 1].toFixed(3),
  };
  console.log(JSON.stringify(result));
  return result;
}

const own = JSON.parse(readFileSync(here('../package.json'), 'utf8'));
// compute-engine does not export its package.json: read it from node_modules.
const ce = JSON.parse(readFileSync(here('../node_modules/@cortex-js/compute-engine/package.json'), 'utf8'));
const dev = devChecks();
const golds = goldChecks();

// The first check pays for creating the compute-engine instance: reported, not averaged in.
const coldStart = performance.now();
verifyAnswer('\\frac{\\sqrt3}{3}', '\\boxed{\\frac{1}{\\sqrt3}}', { mode: 'eval' });
const coldMs = +(performance.now() - coldStart).toFixed(2);
// Warm the JIT on different inputs (MATH train golds), so the first pass below measures
// cache-cold checks, not cold code.
const warm = readJsonl(`${DATA}/train/math_level3to5.train.jsonl`).slice(0, 3000);
for (const row of warm) {
  const gold = row.reward_model.ground_truth;
  verifyAnswer(gold, `so $\\boxed{${gold}}$`, { mode: 'eval' });
  verifyAnswer(gold, `so $\\boxed{${perturb(gold) ?? 'x'}}$`, { mode: 'train' });
}

// First pass: every input is new to the parse cache (the honest per-check cost). Then repeated
// passes: the steady state of a training run, where the same golds come back every epoch.
const results = [
  measure('dev cases (train mode), first pass', dev, 1),
  measure('benchmark golds vs boxed and perturbed gold (eval mode), first pass', golds, 1),
  measure('dev cases (train mode), repeated passes', dev, ROUNDS),
  measure('benchmark golds vs boxed and perturbed gold (eval mode), repeated passes', golds, ROUNDS),
];
const report = {
  date: new Date().toISOString(),
  command: 'node bench/verifier-bench.mjs',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), platform: `${os.platform()} ${os.arch()}` },
  versions: { node: process.version, '@prompt-aug/verifier-math': own.version, '@cortex-js/compute-engine': ce.version },
  singleThread: true,
  loadAverage1m: +os.loadavg()[0].toFixed(2),
  coldFirstCheckMs: coldMs,
  results,
};
mkdirSync(here('./results'), { recursive: true });
writeFileSync(here('./results/verifier.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote bench/results/verifier.json`);
