/** Token layouts of the RL convention: prompts left-padded, responses right-padded. */
export interface PaddedBatch {
  ids: number[][];
  mask: number[][];
}

export function leftPad(sequences: readonly (readonly number[])[], padId: number): PaddedBatch {
  const width = Math.max(1, ...sequences.map((s) => s.length));
  return {
    ids: sequences.map((s) => [...new Array<number>(width - s.length).fill(padId), ...s]),
    mask: sequences.map((s) => [...new Array<number>(width - s.length).fill(0), ...new Array<number>(s.length).fill(1)]),
  };
}

export function rightPad(sequences: readonly (readonly number[])[], padId: number): PaddedBatch {
  const width = Math.max(1, ...sequences.map((s) => s.length));
  return {
    ids: sequences.map((s) => [...s, ...new Array<number>(width - s.length).fill(padId)]),
    mask: sequences.map((s) => [...new Array<number>(s.length).fill(1), ...new Array<number>(width - s.length).fill(0)]),
  };
}
