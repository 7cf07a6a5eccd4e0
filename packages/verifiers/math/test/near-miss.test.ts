import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';
import { devCases, realOutputs } from './dev-data.js';
import { perturb } from './perturb.js';

/**
 * Near misses built like the dev set's `synthetic` cases: take every positive case and add 1
 * to the last integer of its gold. The response is unchanged, so it must now be wrong.
 */
describe('near-miss golds of every positive dev case are rejected', () => {
  for (const [name, rows] of [
    ['dev cases', devCases()],
    ['real outputs', realOutputs()],
  ] as const) {
    it(name, () => {
      const accepted: string[] = [];
      let checked = 0;
      for (const c of rows.filter((r) => r.expected)) {
        const wrong = perturb(c.gold);
        if (wrong === undefined) continue;
        checked++;
        const v = verifyAnswer(wrong, c.response, { kind: c.kind, mode: 'train' });
        if (v.correct) accepted.push(`${c.id}: ${wrong} vs ${JSON.stringify(v.extracted)} (${v.reason})`);
      }
      console.log(`${name}: ${checked} near misses, ${accepted.length} accepted\n${accepted.join('\n')}`);
      expect(checked).toBeGreaterThan(100);
      expect(accepted).toEqual([]);
    });
  }
});
