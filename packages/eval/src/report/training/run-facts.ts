import { seriesKey } from './flatten-row.js';
import type { TrainingRun } from './load-training-run.js';

/** Consecutive logged steps on which the trainer raised its entropy-collapse warning. */
export function collapseSpans(run: TrainingRun): { from: number; to: number }[] {
  const flags = run.series[seriesKey(['entropyCollapse'])];
  const spans: { from: number; to: number }[] = [];
  if (!flags) return spans;
  flags.forEach((flag, i) => {
    if (flag !== 1) return;
    const last = spans.at(-1);
    if (last && i > 0 && flags[i - 1] === 1) last.to = run.steps[i]!;
    else spans.push({ from: run.steps[i]!, to: run.steps[i]! });
  });
  return spans;
}

/** Template ids that appear in any of the run's per-template metrics, sorted. */
export function templatesSeen(run: TrainingRun, groups: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const key of Object.keys(run.series)) {
    const path = JSON.parse(key) as string[];
    if (path.length === 2 && groups.includes(path[0]!) && run.series[key]!.some((v) => v !== null)) ids.add(path[1]!);
  }
  return [...ids].sort();
}

/** The eval metrics the run logged: the two averages first, then the benchmarks. */
export function evalMetricNames(run: TrainingRun): string[] {
  const names = new Set(run.evals.flatMap((e) => Object.keys(e.values)));
  const first = ['perBenchmarkAccuracy', 'perQuestionAccuracy'].filter((n) => names.has(n));
  return [...first, ...[...names].filter((n) => !first.includes(n)).sort()];
}

/** Each run's name, made unique by a #2, #3 suffix when two folders share a name. */
export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} #${count}`;
  });
}
