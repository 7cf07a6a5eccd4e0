import type { MathRecord } from '../data/math-record.js';
import type { SeededRandom } from '../util/random.js';

export interface SloppyResultOptions {
  /** Probability that the result is the right one. */
  rightRate: number;
  /** Otherwise the right result plus one of these, drawn uniformly (flipped when it would go below 0). */
  offsets: readonly number[];
}

/**
 * The result the demo base model reports: right `rightRate` of the time and otherwise
 * off by a small amount. Pretrained models are like this — the right answer is among their samples
 * (pass@k is high) but rarely the one they give (pass@1 is low) — and that gap is what RL with a
 * verifier closes. The right result is rarer than each wrong one (0.1 vs 0.225 by default), so a
 * model that copies this distribution starts near 10% and only the reward can single it out.
 */
export function sloppyResult(options: SloppyResultOptions): (problem: MathRecord, random: SeededRandom) => string {
  const { rightRate, offsets } = options;
  if (!(rightRate >= 0 && rightRate <= 1)) throw new RangeError(`sloppyResult: rightRate must lie in [0, 1], got ${rightRate}`);
  if (offsets.length === 0 || offsets.some((o) => !Number.isInteger(o) || o === 0)) {
    throw new RangeError(`sloppyResult: offsets must be non-zero integers, got [${offsets.join(', ')}]`);
  }
  return (problem, random) => {
    const right = Number(problem.answers[0]);
    if (!Number.isInteger(right)) throw new RangeError(`sloppyResult: problem ${problem.id} has a non-integer answer ${problem.answers[0]}`);
    if (random.next() < rightRate) return String(right);
    const offset = offsets[random.int(offsets.length)]!;
    return String(right + offset < 0 ? right - offset : right + offset);
  };
}
