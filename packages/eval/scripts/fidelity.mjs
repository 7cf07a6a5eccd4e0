// Eval fidelity: how closely prompt-aug reproduces the paper's eval grader on real model outputs.
// Reads $PA_DATA_DIR/eval-fidelity/dev.jsonl (or --file F), whose lines carry the official verdict
// `paper_eval` (the paper's released Python grader, run unchanged), grades every response with
// prompt-aug's paper-protocol grader and with its corrected eval grader, and writes per benchmark:
// agreement with the official verdicts, accuracy and its delta, and every disagreement with a cause.
// Run: pnpm --filter @prompt-aug/eval build && PA_DATA_DIR=... pnpm --filter @prompt-aug/eval fidelity [--file F] [--out F]
// Lines without `paper_eval` are graded by the paper's own Python code when --oracle points at its
// grade.py (e.g. ../shared/reference/paper-graders/grade.py); python3 is needed only then.
// Goals (issue 14): the paper grader agrees on >= 99.5% of every benchmark's responses and every
// benchmark's accuracy is within 0.1 points of the official one; exit code 1 when missed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { verifyAnswer, verifyPaper } from '@prompt-aug/verifier-math';
import { differenceReason } from '../dist/index.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { values } = parseArgs({ options: { file: { type: 'string' }, out: { type: 'string' }, oracle: { type: 'string' } } });
const dataDir = process.env.PA_DATA_DIR;
if (!values.file && !dataDir) {
  console.error('Set PA_DATA_DIR to the data folder (the one holding eval-fidelity/dev.jsonl), or pass --file path/to/graded.jsonl.');
  process.exit(2);
}
const file = resolve(values.file ?? join(dataDir, 'eval-fidelity', 'dev.jsonl'));
const out = resolve(values.out ?? here('../bench/results/fidelity.json'));
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
gradeMissingWithOracle(rows);

/** Fill in `paper_eval` for lines that lack it by running the official grader (--oracle grade.py). */
function gradeMissingWithOracle(all) {
  const missing = all.filter((r) => r.paper_eval === undefined);
  if (missing.length === 0) return;
  if (!values.oracle) {
    console.error(`${missing.length} lines of ${file} have no "paper_eval" verdict; pass --oracle path/to/paper-graders/grade.py to grade them with the paper's code.`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'pa-fidelity-'));
  const input = join(dir, 'cases.jsonl');
  const output = join(dir, 'verdicts.jsonl');
  writeFileSync(input, missing.map((r, i) => JSON.stringify({ id: String(i), benchmark: r.benchmark, gold: r.gold, response: r.response })).join('\n') + '\n');
  const run = spawnSync('python3', [resolve(values.oracle), '--mode', 'eval', '--input', input, '--output', output], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) {
    console.error(`The oracle ${values.oracle} failed (exit ${run.status ?? run.signal}); it needs python3 with sympy (see its README).`);
    process.exit(2);
  }
  for (const line of readFileSync(output, 'utf8').split('\n').filter((l) => l.trim() !== '')) {
    const v = JSON.parse(line);
    missing[Number(v.id)].paper_eval = { correct: v.correct, extracted: v.extracted };
  }
}

const round = (x, d = 2) => Number(x.toFixed(d));
const perBenchmark = {};
const paperDisagreements = [];
const correctedDisagreements = [];
const started = performance.now();
for (const row of rows) {
  const golds = (Array.isArray(row.gold) ? row.gold : [row.gold]).map(String);
  const official = row.paper_eval;
  const paper = verifyPaper(row.gold, row.response);
  const corrected = verifyAnswer(row.gold, row.response, { mode: 'eval' });
  const b = (perBenchmark[row.benchmark] ??= { responses: 0, official: 0, paper: 0, corrected: 0, paperAgree: 0, correctedAgree: 0, correctedCategories: {} });
  b.responses++;
  b.official += official.correct;
  b.paper += paper.correct;
  b.corrected += corrected.correct;
  if (paper.correct === official.correct) b.paperAgree++;
  else {
    paperDisagreements.push({
      id: row.id, benchmark: row.benchmark, official, ours: paper,
      cause: paper.correct ? `prompt-aug's emulation accepted it (${paper.reason}); the official grader did not` : `no stage of prompt-aug's emulation accepted it (${paper.reason}); the official grader did`,
    });
  }
  if (corrected.correct === official.correct) b.correctedAgree++;
  else {
    const reason = differenceReason(golds, row.response, { ...official, reason: paper.reason }, corrected);
    const side = corrected.correct ? 'prompt-aug accepts' : 'official accepts';
    const key = `${reason} (${side})`;
    b.correctedCategories[key] = (b.correctedCategories[key] ?? 0) + 1;
    correctedDisagreements.push({ id: row.id, benchmark: row.benchmark, reason, side, official, ours: { correct: corrected.correct, extracted: corrected.extracted, reason: corrected.reason } });
  }
}
const elapsedMs = Math.round(performance.now() - started);

const benchmarks = {};
let meetsGoal = true;
for (const [name, b] of Object.entries(perBenchmark)) {
  const pct = (k) => (100 * k) / b.responses;
  const entry = {
    responses: b.responses,
    officialAccuracy: round(pct(b.official)),
    paper: { agreement: round(pct(b.paperAgree)), accuracy: round(pct(b.paper)), delta: round(pct(b.paper) - pct(b.official)), disagreements: b.responses - b.paperAgree },
    corrected: { agreement: round(pct(b.correctedAgree)), accuracy: round(pct(b.corrected)), delta: round(pct(b.corrected) - pct(b.official)), disagreements: b.responses - b.correctedAgree, byReason: b.correctedCategories },
  };
  entry.paper.meetsGoal = entry.paper.agreement >= 99.5 && Math.abs(pct(b.paper) - pct(b.official)) <= 0.1 + 1e-9;
  meetsGoal &&= entry.paper.meetsGoal;
  benchmarks[name] = entry;
}
const report = {
  script: 'fidelity',
  command: `pnpm --filter @prompt-aug/eval fidelity${values.file ? ` --file ${values.file}` : ''}`,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  input: { file: values.file ?? '$PA_DATA_DIR/eval-fidelity/dev.jsonl', responses: rows.length, gradedByOracleHere: values.oracle ? true : false },
  elapsedMs,
  goal: 'paper grader: agreement >= 99.5% and |accuracy delta| <= 0.1 points on every benchmark',
  meetsGoal,
  benchmarks,
  paperDisagreements,
  correctedDisagreements,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`graded ${rows.length} responses twice in ${elapsedMs} ms; written to ${out}`);
console.log('benchmark       n     official  paper(agree, acc, delta)        corrected(agree, acc, delta)');
for (const [name, e] of Object.entries(benchmarks)) {
  console.log(`${name.padEnd(14)} ${String(e.responses).padStart(5)}  ${e.officialAccuracy.toFixed(2).padStart(7)}   ${e.paper.agreement.toFixed(2)}% ${e.paper.accuracy.toFixed(2)} ${e.paper.delta >= 0 ? '+' : ''}${e.paper.delta.toFixed(2)}          ${e.corrected.agreement.toFixed(2)}% ${e.corrected.accuracy.toFixed(2)} ${e.corrected.delta >= 0 ? '+' : ''}${e.corrected.delta.toFixed(2)}`);
}
console.log(meetsGoal ? 'paper grader meets the fidelity goal on every benchmark' : 'paper grader MISSES the fidelity goal');
if (!meetsGoal) process.exitCode = 1;
