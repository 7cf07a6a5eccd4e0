import { expect, test } from 'vitest';
import { ScorerSession } from '../src/session/scorer-session.js';

test('scorer: log-softmax of logits / T and its entropy, hand-worked', async () => {
  const scorer = await ScorerSession.create({ device: 'cpu' });
  // Row 0: logits [0, ln 3] at T = 1 -> p = [1/4, 3/4]. Row 1: same logits at T = 2 -> weights [1, sqrt 3].
  const logits = Float32Array.from([0, Math.log(3), 0, Math.log(3)]);
  const t1 = await scorer.score(logits.subarray(0, 2), 2, [1], 1);
  expect(t1.logprobs[0]).toBeCloseTo(Math.log(0.75), 6);
  expect(t1.entropy[0]).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 6);
  const t2 = await scorer.score(logits, 2, [0, 1], 2);
  const p1 = Math.sqrt(3) / (1 + Math.sqrt(3));
  expect(t2.logprobs[0]).toBeCloseTo(Math.log(1 - p1), 6);
  expect(t2.logprobs[1]).toBeCloseTo(Math.log(p1), 6);
  expect(t2.entropy[1]).toBeCloseTo(-(p1 * Math.log(p1) + (1 - p1) * Math.log(1 - p1)), 6);
  await scorer.dispose();
});
