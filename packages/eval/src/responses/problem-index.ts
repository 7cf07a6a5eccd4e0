import type { MathRecord } from '@prompt-aug/core/data';

/** Whitespace runs collapsed and ends trimmed, Unicode NFC: survives re-serialisation by other tools. */
export function normaliseProblem(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Finds a benchmark row from what a responses line carries: its id (`amc-3`), its 0-based row
 * number (`3`), its exact problem text, or the normalised problem text, in that order.
 */
export class ProblemIndex {
  private readonly byId = new Map<string, MathRecord>();
  private readonly byProblem = new Map<string, MathRecord>();
  private readonly byNormalised = new Map<string, MathRecord>();

  constructor(private readonly records: readonly MathRecord[]) {
    for (const r of records) {
      this.byId.set(r.id, r);
      if (!this.byProblem.has(r.problem)) this.byProblem.set(r.problem, r);
      const n = normaliseProblem(r.problem);
      if (!this.byNormalised.has(n)) this.byNormalised.set(n, r);
    }
  }

  find(line: { id?: string; problem?: string }): MathRecord | undefined {
    if (line.id !== undefined) {
      const byId = this.byId.get(line.id) ?? (/^\d+$/.test(line.id) ? this.records[Number(line.id)] : undefined);
      if (byId) return byId;
    }
    if (line.problem !== undefined) return this.byProblem.get(line.problem) ?? this.byNormalised.get(normaliseProblem(line.problem));
    return undefined;
  }
}
