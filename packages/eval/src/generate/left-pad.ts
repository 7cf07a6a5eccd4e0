/** Left-pad token rows to one length (the Policy's prompt layout); the mask marks real tokens. */
export function leftPad(rows: readonly number[][], padId: number): { inputIds: number[][]; attentionMask: number[][] } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    inputIds: rows.map((r) => [...new Array<number>(width - r.length).fill(padId), ...r]),
    attentionMask: rows.map((r) => [...new Array<number>(width - r.length).fill(0), ...new Array<number>(r.length).fill(1)]),
  };
}
