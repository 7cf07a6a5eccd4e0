/** A run of identical prompt rows in a batch: one request with `n = rows.length`. */
export interface PromptGroup {
  promptIds: number[];
  /** Batch row indices, in order. */
  rows: number[];
}

/**
 * Strip left padding (mask 0) off each row and merge consecutive identical prompts: the
 * trainer lays a prompt's rollout group out as adjacent rows, so each group becomes one
 * request that keeps its shared prefix on one server.
 */
export function promptGroups(inputIds: readonly number[][], attentionMask: readonly number[][]): PromptGroup[] {
  const groups: PromptGroup[] = [];
  inputIds.forEach((row, index) => {
    const mask = attentionMask[index]!;
    const promptIds = row.filter((_, k) => mask[k] === 1);
    const last = groups.at(-1);
    if (last && sameIds(last.promptIds, promptIds)) last.rows.push(index);
    else groups.push({ promptIds, rows: [index] });
  });
  return groups;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * A seed per group from the batch seed, so a group samples the same whichever server runs it.
 * The first group keeps the batch seed itself: with one group per batch (rollout.batchSize = the
 * group size), a pa serve engine then draws exactly what an in-process engine draws.
 */
export function groupSeed(batchSeed: number, group: number): number {
  if (group === 0) return batchSeed >>> 0;
  return (Math.imul((batchSeed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) + Math.imul(group + 1, 0xc2b2ae35)) >>> 0;
}
