/** What a code means and the usual fix, one sentence each (docs/errors.md shows them). */
export interface ErrorCodeEntry {
  readonly meaning: string;
  readonly fix: string;
}
