import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';
import { DATA_DIR, readJsonl } from './dev-data.js';
import { perturb } from './perturb.js';

type Answer = string | number | Array<string | number>;

function benchmarkGolds(): Array<{ source: string; gold: Answer }> {
  const names = ['aime24', 'amc', 'math500', 'minerva', 'olympiadbench'];
  return names.flatMap((name) =>
    readJsonl<{ answer: Answer }>(`${DATA_DIR}/benchmarks/${name}.jsonl`).map((r) => ({ source: name, gold: r.answer })),
  );
}

function trainGolds(): Array<{ source: string; gold: Answer }> {
  return readJsonl<{ reward_model: { ground_truth: string } }>(`${DATA_DIR}/train/math_level3to5.train.jsonl`).map((r) => ({
    source: 'math-l3-5-train',
    gold: r.reward_model.ground_truth,
  }));
}

/** The first gold string (Minerva and OlympiadBench list their variants). */
const firstGold = (gold: Answer): string => String(Array.isArray(gold) ? gold[0] : gold).trim();

const rows = [...benchmarkGolds(), ...trainGolds()].filter((r) => firstGold(r.gold) !== '');

describe('self-consistency of every benchmark and MATH L3-5 train gold', () => {
  for (const mode of ['train', 'eval'] as const) {
    it(`${mode} mode: \\boxed{gold} verifies against the gold (${rows.length} golds)`, () => {
      const failures = rows
        .filter((r) => !verifyAnswer(r.gold as string | string[], `The answer is $\\boxed{${firstGold(r.gold)}}$.`, { mode }).correct)
        .map((r) => `${r.source}: ${JSON.stringify(r.gold)}`);
      console.log(`${mode}: ${failures.length} golds do not verify against themselves\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
    });
  }

  it('a gold with its last integer increased by one does not verify', () => {
    let checked = 0;
    const accepted: string[] = [];
    for (const r of rows) {
      const gold = firstGold(r.gold);
      const wrong = perturb(gold);
      if (wrong === undefined) continue;
      checked++;
      if (verifyAnswer(gold, `\\boxed{${wrong}}`, { mode: 'eval' }).correct) accepted.push(`${r.source}: ${gold} -> ${wrong}`);
    }
    console.log(`perturbed ${checked} golds; ${accepted.length} wrongly accepted\n${accepted.join('\n')}`);
    expect(checked).toBeGreaterThan(9000);
    expect(accepted).toEqual([]);
  });
});
