import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/index.js';
import { devCases, realOutputs, type DevCase } from './dev-data.js';

interface Score {
  accuracy: number;
  falsePositives: DevCase[];
  misses: string[];
}

function score(cases: DevCase[]): Score {
  const misses: string[] = [];
  const falsePositives: DevCase[] = [];
  let right = 0;
  for (const c of cases) {
    const v = verifyAnswer(c.gold, c.response, { kind: c.kind, mode: 'train' });
    if (v.correct === c.expected) right++;
    else {
      if (v.correct) falsePositives.push(c);
      misses.push(`${c.id} [${c.category}] expected=${c.expected} gold=${JSON.stringify(c.gold)} extracted=${JSON.stringify(v.extracted)} reason=${v.reason}`);
    }
  }
  return { accuracy: right / cases.length, falsePositives, misses };
}

describe('accuracy on the shared dev data (train-mode extraction)', () => {
  it('dev cases: at least 97% right and no false positives', () => {
    const s = score(devCases());
    console.log(`dev cases: ${(100 * s.accuracy).toFixed(2)}%, ${s.falsePositives.length} FP\n${s.misses.join('\n')}`);
    expect(s.falsePositives.map((c) => c.id)).toEqual([]);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('real model outputs: at least 99.5% right and no false positives', () => {
    const s = score(realOutputs());
    console.log(`real outputs: ${(100 * s.accuracy).toFixed(2)}%, ${s.falsePositives.length} FP\n${s.misses.join('\n')}`);
    expect(s.falsePositives.map((c) => c.id)).toEqual([]);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.995);
  });
});
