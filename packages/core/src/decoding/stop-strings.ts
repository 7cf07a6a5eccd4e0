/**
 * Detects when a row's generated text contains a stop string. Only the tail that could hold
 * a newly completed match is decoded each step: a stop string of c characters spans at most
 * 4c bytes, hence at most 4c tokens, plus one to include the rest of a split character.
 */
export class StopStringWatcher {
  private readonly window: number;

  constructor(
    private readonly stops: readonly string[],
    private readonly decode: (ids: number[]) => string,
  ) {
    this.window = 4 * Math.max(0, ...stops.map((s) => s.length)) + 1;
  }

  /** True when the first `length` generated tokens (the newest last) now contain a stop string. */
  matches(generated: readonly number[], length = generated.length): boolean {
    if (this.stops.length === 0) return false;
    const text = this.decode(generated.slice(Math.max(0, length - this.window), length));
    return this.stops.some((stop) => stop.length > 0 && text.includes(stop));
  }
}
