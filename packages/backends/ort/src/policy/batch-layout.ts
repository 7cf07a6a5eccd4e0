/**
 * Puts a batch into the padding convention its graph expects, and computes rotary positions.
 *
 * Every row's real tokens must be contiguous (left-padded prompts, or a left-padded prompt
 * followed by a right-padded response). Left-padding graphs take rows unchanged; right-padding
 * (GroupQueryAttention) graphs get each row shifted so its real tokens start at column 0.
 */
import type { PaddingSide } from '../session/decoder-layout.js';

export interface ArrangedBatch {
  inputIds: number[][];
  attentionMask: number[][];
  positionIds: number[][];
  /** Column of row b's first real token in the caller's layout. */
  offsets: number[];
  /** Shift applied to row b: caller column c is model column c - shift[b]. */
  shifts: number[];
  /** Real tokens per row. */
  lengths: number[];
}

/** First real column and real count of a contiguous mask row. */
export function realSpan(mask: readonly number[]): { start: number; count: number } {
  let start = mask.indexOf(1);
  if (start < 0) start = mask.length;
  let count = 0;
  for (let c = start; c < mask.length && mask[c] === 1; c++) count++;
  for (let c = start + count; c < mask.length; c++) {
    if (mask[c] !== 0) throw new Error('internal: attention mask rows must hold one contiguous run of real tokens');
  }
  return { start, count };
}

export function arrangeBatch(inputIds: number[][], attentionMask: number[][], side: PaddingSide, padId: number): ArrangedBatch {
  const spans = attentionMask.map(realSpan);
  const width = inputIds[0]?.length ?? 0;
  const shifts = spans.map((s) => (side === 'right' ? s.start : 0));
  const ids = inputIds.map((row, b) => (side === 'right' ? shiftLeft(row, shifts[b]!, padId) : row.slice()));
  const mask = attentionMask.map((row, b) => (side === 'right' ? shiftLeft(row, shifts[b]!, 0) : row.slice()));
  // HF semantics: position = number of real tokens before this one. Padding gets a harmless
  // in-range value (1 as HF uses on the left, 0 on the right where RotaryEmbedding indexes a table).
  const positions = spans.map((s, b) =>
    Array.from({ length: width }, (_, c) => {
      const start = s.start - shifts[b]!;
      const inside = c >= start && c < start + s.count;
      return inside ? c - start : side === 'right' ? 0 : 1;
    }),
  );
  return { inputIds: ids, attentionMask: mask, positionIds: positions, offsets: spans.map((s) => s.start), shifts, lengths: spans.map((s) => s.count) };
}

function shiftLeft(row: readonly number[], by: number, fill: number): number[] {
  const out = row.slice(by);
  while (out.length < row.length) out.push(fill);
  return out;
}
