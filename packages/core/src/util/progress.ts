/**
 * A dependency-free progress bar for long work: `label [=====>    ] 42/100 12.3 it/s ETA 4s`
 * plus free-form fields. It redraws in place on a TTY and prints a line every `logEveryMs`
 * otherwise (CI logs stay readable). Silent when `enabled` is false (e.g. under --json).
 */
export interface ProgressOptions {
  label: string;
  total?: number;
  unit?: string;
  stream?: NodeJS.WriteStream;
  enabled?: boolean;
  logEveryMs?: number;
}

export class ProgressBar {
  private current = 0;
  private fields: Record<string, string | number> = {};
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly enabled: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
    this.enabled = options.enabled ?? true;
  }

  setTotal(total: number): void {
    this.options.total = total;
  }

  update(current: number, fields?: Record<string, string | number>): void {
    this.current = current;
    if (fields) this.fields = { ...this.fields, ...fields };
    this.draw(false);
  }

  increment(by = 1, fields?: Record<string, string | number>): void {
    this.update(this.current + by, fields);
  }

  finish(fields?: Record<string, string | number>): void {
    if (fields) this.fields = { ...this.fields, ...fields };
    this.draw(true);
    if (this.enabled && this.tty) this.stream.write('\n');
  }

  /** The line as it would be drawn now (exported for tests and for log files). */
  render(): string {
    const { label, total, unit = 'it' } = this.options;
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.current / elapsed : 0;
    const parts = [label];
    if (total && total > 0) {
      const width = 24;
      const done = Math.min(width, Math.round((this.current / total) * width));
      parts.push(`[${'='.repeat(Math.max(0, done - 1))}${done > 0 ? '>' : ''}${' '.repeat(width - done)}]`);
      parts.push(`${formatCount(this.current)}/${formatCount(total)}`);
      const eta = rate > 0 ? (total - this.current) / rate : Number.NaN;
      parts.push(`${formatRate(rate)} ${unit}/s`, `ETA ${formatDuration(eta)}`);
    } else {
      parts.push(formatCount(this.current), `${formatRate(rate)} ${unit}/s`, formatDuration(elapsed));
    }
    for (const [key, value] of Object.entries(this.fields)) parts.push(`${key} ${value}`);
    return parts.join(' ');
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    const every = this.tty ? 100 : (this.options.logEveryMs ?? 10_000);
    if (!force && now - this.lastDraw < every) return;
    this.lastDraw = now;
    if (this.tty) this.stream.write(`\r\x1b[2K${this.render()}`);
    else this.stream.write(`${this.render()}\n`);
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);
}

function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}
