/** Non-overlapping occurrences of `marker` in `text`, like Python's `str.count`. */
export function countOccurrences(text: string, marker: string): number {
  let count = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) count++;
  return count;
}

/**
 * The paper's format reward for tagged formats: each marker that occurs exactly once in the
 * completion earns an equal share (1/markers.length); absent or repeated markers earn 0.
 */
export function exactlyOnceReward(markers: readonly string[]): (completion: string) => number {
  return (completion) => markers.filter((m) => countOccurrences(completion, m) === 1).length / markers.length;
}

/** Formats whose reward is constant: it shifts a whole rollout group equally, so it never changes advantages. */
export const constantReward = (): number => 1;
