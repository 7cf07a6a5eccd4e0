/**
 * The demo's training set: synthetic addition and subtraction problems a tiny model can
 * learn on a CPU in minutes, so `pa train --demo` needs no download.
 *
 * Distribution (seeded, so a seed always gives the same list): each problem independently
 * draws its operator, `+` or `-` with probability 1/2 each (only `+` when `subtraction` is
 * false), then two operands uniformly from the integers minOperand..maxOperand (default 0..maxOperand). For `-` the larger
 * operand goes first, so results are never negative. Answers thus lie in 0..2·maxOperand for
 * `+` (triangular distribution) and 0..maxOperand for `-`. Duplicates are allowed, as in any
 * i.i.d. sample (with maxOperand 99 there are ~10^4 distinct problems per operator).
 */
import type { MathRecord } from '../data/math-record.js';
import { SeededRandom } from '../util/random.js';
import { UserError } from '../util/user-error.js';

export interface ArithmeticProblemOptions {
  count: number;
  seed: number;
  /** Largest operand (inclusive); operands are minOperand..maxOperand. */
  maxOperand: number;
  /** Smallest operand (inclusive, default 0). */
  minOperand?: number;
  /** Include `A - B` problems (default true). */
  subtraction?: boolean;
}

export function arithmeticProblems(options: ArithmeticProblemOptions): MathRecord[] {
  const { count, seed, maxOperand, minOperand = 0, subtraction = true } = options;
  for (const [name, value] of [['count', count], ['maxOperand', maxOperand]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new UserError(`The demo's ${name} must be a whole number of 0 or more, got ${value}; pass e.g. count 200, maxOperand 99.`, 'PA_DEMO_OPTION');
    }
  }
  const random = new SeededRandom(seed);
  const problems: MathRecord[] = [];
  for (let i = 0; i < count; i++) {
    const op = subtraction && random.next() < 0.5 ? '-' : '+';
    const x = minOperand + random.int(maxOperand - minOperand + 1);
    const y = minOperand + random.int(maxOperand - minOperand + 1);
    const [a, b] = op === '-' ? [Math.max(x, y), Math.min(x, y)] : [x, y];
    const answer = op === '+' ? a + b : a - b;
    problems.push({ id: `arithmetic-${seed}-${i}`, problem: `What is ${a} ${op} ${b}?`, answers: [String(answer)], meta: { a, b, op } });
  }
  return problems;
}
