/**
 * A per-check work budget. Work is counted in deterministic steps (the primary bound, so a
 * verdict never depends on machine speed); the wall clock is only a safety net for inputs that
 * slip past the step caps.
 */
export class BudgetExceeded extends Error {
  constructor() {
    super('verifier budget exceeded');
  }
}

export class Budget {
  private steps = 0;
  private readonly deadline: number;

  constructor(
    timeoutMs: number,
    private readonly maxSteps = 200_000,
  ) {
    this.deadline = Date.now() + timeoutMs;
  }

  /** Count `n` units of work; throws BudgetExceeded when the budget is spent. */
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new BudgetExceeded();
    // Reading the clock is cheap but not free: look only every ~1024 steps.
    if ((this.steps & 1023) < n && Date.now() > this.deadline) throw new BudgetExceeded();
  }
}

export const DEFAULT_TIMEOUT_MS = 200;
