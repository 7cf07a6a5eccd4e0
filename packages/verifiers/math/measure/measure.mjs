// The verifier's accuracy on labelled corpora: a measurement, not a unit test. Reads the local data
// copies in $PA_DATA_DIR (verifier/dev_cases.jsonl, verifier/dev_real_outputs.jsonl, benchmarks/,
// train/), runs the built verifier (dist/), writes the figures as JSON and exits 1 when any figure
// is worse than the floor in measure/floors.json (the figures when the floor was last raised).
// Run: pnpm --filter @prompt-aug/verifier-math build && PA_DATA_DIR=... pnpm --filter @prompt-aug/verifier-math measure [-- --out file.json]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyAnswer } from '../dist/index.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// `pnpm measure -- --out f` passes the `--` through; drop it.
const { values } = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { out: { type: 'string' } } });
const out = resolve(values.out ?? here('../../../../.tmp/verifier-math-measure.json'));

const DATA = process.env.PA_DATA_DIR;
if (!DATA || !existsSync(join(DATA, 'verifier'))) {
  console.error(`verifier-math measure: set PA_DATA_DIR to the folder holding verifier/, benchmarks/ and train/ (${DATA ? `${DATA} has no verifier/` : 'it is not set'}); see README, "Test data".`);
  process.exit(2);
}
const readJsonl = (relative) => readFileSync(join(DATA, relative), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));

/** Add 1 to the last integer outside `\text{}` (units), or undefined when there is none. */
function perturb(gold) {
  const masked = gold.replace(/\\(?:text|mbox|mathrm)\{[^{}]*\}(?:\^\{?\d\}?)?/g, (m) => '\u0000'.repeat(m.length));
  const last = [...masked.matchAll(/\d+/g)].pop();
  if (!last) return undefined;
  return gold.slice(0, last.index) + String(BigInt(last[0]) + 1n) + gold.slice(last.index + last[0].length);
}

/** Labelled cases (expected verdicts from trusted graders plus review), train-mode extraction. */
function labelled(cases) {
  let right = 0;
  const falsePositives = [];
  const misses = [];
  for (const c of cases) {
    const v = verifyAnswer(c.gold, c.response, { kind: c.kind, mode: 'train' });
    if (v.correct === c.expected) right++;
    else (v.correct ? falsePositives : misses).push(c.id);
  }
  return { cases: cases.length, accuracy: right / cases.length, falsePositives: falsePositives.length, falsePositiveIds: falsePositives, missedIds: misses };
}

/** Every positive case with its gold's last integer +1 must now be rejected (the response is unchanged). */
function nearMisses(cases) {
  let checked = 0;
  const accepted = [];
  for (const c of cases.filter((r) => r.expected)) {
    const wrong = perturb(c.gold);
    if (wrong === undefined) continue;
    checked++;
    if (verifyAnswer(wrong, c.response, { kind: c.kind, mode: 'train' }).correct) accepted.push(c.id);
  }
  return { checked, accepted: accepted.length, acceptedIds: accepted };
}

/** Benchmark and MATH L3-5 train golds: \boxed{gold} verifies against the gold; \boxed{gold + 1} does not. */
function goldConsistency() {
  const names = ['aime24', 'amc', 'math500', 'minerva', 'olympiadbench'];
  const rows = [
    ...names.flatMap((name) => readJsonl(`benchmarks/${name}.jsonl`).map((r) => ({ source: name, gold: r.answer }))),
    ...readJsonl('train/math_level3to5.train.jsonl').map((r) => ({ source: 'math-l3-5-train', gold: r.reward_model.ground_truth })),
  ];
  const first = (gold) => String(Array.isArray(gold) ? gold[0] : gold).trim();
  const golds = rows.filter((r) => first(r.gold) !== '');
  const figures = { golds: golds.length };
  for (const mode of ['train', 'eval']) {
    figures[`${mode}SelfFailures`] = golds.filter((r) => !verifyAnswer(r.gold, `The answer is $\\boxed{${first(r.gold)}}$.`, { mode }).correct).length;
  }
  let perturbed = 0;
  let accepted = 0;
  for (const r of golds) {
    const wrong = perturb(first(r.gold));
    if (wrong === undefined) continue;
    perturbed++;
    if (verifyAnswer(first(r.gold), `\\boxed{${wrong}}`, { mode: 'eval' }).correct) accepted++;
  }
  return { ...figures, perturbed, perturbedAccepted: accepted };
}

const devCases = readJsonl('verifier/dev_cases.jsonl');
const realOutputs = readJsonl('verifier/dev_real_outputs.jsonl');
const figures = {
  devCases: labelled(devCases),
  realOutputs: labelled(realOutputs),
  nearMissDevCases: nearMisses(devCases),
  nearMissRealOutputs: nearMisses(realOutputs),
  goldConsistency: goldConsistency(),
};

// Floors: accuracy and "checked" counts may not fall; false positives and acceptances may not rise.
const floors = JSON.parse(readFileSync(here('./floors.json'), 'utf8'));
const failures = [];
for (const [group, limits] of Object.entries(floors)) {
  if (group.startsWith('$')) continue;
  for (const [key, limit] of Object.entries(limits)) {
    const [kind, name] = key.split(':');
    const value = figures[group]?.[name];
    const ok = kind === 'min' ? value >= limit : value <= limit;
    if (!ok) failures.push(`${group}.${name} = ${value}, ${kind === 'min' ? 'below' : 'above'} the floor ${limit}`);
  }
}

const report = { measuredAt: new Date().toISOString(), node: process.version, command: 'pnpm --filter @prompt-aug/verifier-math measure', figures, failures };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
const pct = (x) => `${(100 * x).toFixed(2)}%`;
console.log(
  `verifier-math measure: dev cases ${pct(figures.devCases.accuracy)} (${figures.devCases.falsePositives} FP), real outputs ${pct(figures.realOutputs.accuracy)} ` +
    `(${figures.realOutputs.falsePositives} FP), near misses accepted ${figures.nearMissDevCases.accepted + figures.nearMissRealOutputs.accepted}, ` +
    `gold self-failures ${figures.goldConsistency.trainSelfFailures}/${figures.goldConsistency.evalSelfFailures} (train/eval), perturbed golds accepted ${figures.goldConsistency.perturbedAccepted}; wrote ${out}`,
);
for (const failure of failures) console.error(`below the floor: ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
