/**
 * The gold answer as the paper's grader saw it. The benchmarks are HF datasets; AMC's `answer`
 * column is float64, so `boxed_reward_fn` compared against Python's `str(142.0) == "142.0"`.
 * A JSON number gold is read the same way (whole numbers get `.0`, as Python's float repr does).
 * Minerva's golds keep their trailing `\n` (the official code's `replace("\n", "")` discards its
 * result); see `paperMathVerifyEqual` for what that switches off.
 */
export type PaperGold = string | number | readonly (string | number)[];

/** Python's `str(float(x))` for the values a float64 answer column holds. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const abs = Math.abs(x);
  if (Number.isInteger(x) && abs < 1e16) return `${x.toFixed(0)}.0`;
  // Python switches to exponent notation at 1e16 and below 1e-4; JS at 1e21 and 1e-7.
  if (abs >= 1e16 || (abs !== 0 && abs < 1e-4)) {
    const [mant, exp] = x.toExponential().split('e') as [string, string];
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(x);
}

/** The list of gold strings the paper's grader compares with (any may match). */
export function paperGolds(gold: PaperGold): string[] {
  const list = Array.isArray(gold) ? gold : [gold];
  return list.map((g) => (typeof g === 'number' ? pythonFloatRepr(g) : String(g)));
}
