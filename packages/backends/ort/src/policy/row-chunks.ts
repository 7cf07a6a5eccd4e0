/**
 * Splits a batch into row ranges whose logits fit a memory budget: [rows, positions, vocab]
 * float32 logits of a 150k vocabulary are 600 kB per position, so a whole RL batch at once
 * would need tens of gigabytes.
 */
export const DEFAULT_LOGITS_BUDGET_BYTES = 512 * 1024 * 1024;

export function rowChunks(rows: number, bytesPerRow: number, budgetBytes = DEFAULT_LOGITS_BUDGET_BYTES): [number, number][] {
  const perChunk = Math.max(1, Math.floor(budgetBytes / Math.max(1, bytesPerRow)));
  const chunks: [number, number][] = [];
  for (let start = 0; start < rows; start += perChunk) chunks.push([start, Math.min(rows, start + perChunk)]);
  return chunks;
}
