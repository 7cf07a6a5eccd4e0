/** The queue is full: answered 429 with Retry-After. */
export class QueueFull extends Error {}

/**
 * The Policy runs one call at a time; requests wait here in arrival order. At most `limit`
 * may wait (more are refused at once, so a flood cannot pile up unbounded work), a request
 * whose client has gone is dropped before it starts, and `pause()` holds new work back until
 * `resume()` (vLLM's /pause and /resume around a weight reload).
 */
export class GenerationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private gate: Promise<void> = Promise.resolve();
  private openGate: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  get depth(): number {
    return this.waiting;
  }

  /** Run `task` after everything queued before it; `cancelled()` is checked just before it starts. */
  run<T>(task: () => Promise<T>, cancelled: () => boolean = () => false): Promise<T> {
    if (this.waiting >= this.limit) return Promise.reject(new QueueFull(`${this.waiting} requests are already waiting.`));
    this.waiting++;
    const start = async (): Promise<T> => {
      this.waiting--;
      if (cancelled()) throw new ClientGone();
      return task();
    };
    // Held at the gate before joining the line, so a reload queued while paused is not stuck behind it.
    return this.gate.then(() => this.exclusive(start));
  }

  /** Run `task` outside the pause gate but in order with generation (weight reloads). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  pause(): void {
    if (this.openGate) return;
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  resume(): void {
    this.openGate?.();
    this.openGate = undefined;
    this.gate = Promise.resolve();
  }

  get paused(): boolean {
    return this.openGate !== undefined;
  }
}

/** The client disconnected before its turn. */
export class ClientGone extends Error {}
