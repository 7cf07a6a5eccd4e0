/**
 * Policy.logprobs in the RL layout: left-padded prompts [B][P] followed by right-padded
 * responses [B][R]. Response token j is predicted by the logits at the column before it;
 * log-softmax and entropy of logits / temperature run in the scorer graph.
 */
import { type ScoreInput, type ScoreOutput } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import type { DecoderSession } from '../session/decoder-session.js';
import type { ScorerSession } from '../session/scorer-session.js';
import { arrangeBatch } from './batch-layout.js';
import { rowChunks } from './row-chunks.js';

export async function scoreResponses(
  decoder: DecoderSession,
  scorer: ScorerSession,
  input: ScoreInput,
  vocab: number,
  padId: number,
  budgetBytes?: number,
): Promise<ScoreOutput> {
  const batch = input.promptIds.length;
  const promptWidth = input.promptIds[0]!.length;
  const responseWidth = input.responseIds[0]!.length;
  const width = promptWidth + responseWidth;
  const temperature = input.temperature ?? 1;
  if (!(temperature > 0)) throw new UserError(`logprobs temperature must be > 0; got ${temperature}.`, 'PA_ORT_BAD_TEMPERATURE');
  const logprobs = input.responseIds.map(() => new Array<number>(responseWidth).fill(0));
  const entropy = input.responseIds.map(() => new Array<number>(responseWidth).fill(0));
  const keptPerRow = decoder.layout.padding === 'right' ? width : responseWidth + 1;
  for (const [start, end] of rowChunks(batch, keptPerRow * vocab * 8, budgetBytes)) {
    const rows = Array.from({ length: end - start }, (_, i) => start + i);
    const ids = rows.map((b) => [...input.promptIds[b]!, ...input.responseIds[b]!]);
    const mask = rows.map((b) => [...input.promptMask[b]!, ...input.responseMask[b]!]);
    const arranged = arrangeBatch(ids, mask, decoder.layout.padding, padId);
    // Model column that predicts response token 0, per row; keep logits from the earliest one.
    const firstColumn = arranged.shifts.map((shift) => promptWidth - 1 - shift);
    const keep = width - Math.min(...firstColumn);
    const out = await decoder.step({ ...arranged, keep }, decoder.newCache(rows.length, width));
    const kept = out.dims[1];
    const picked: { b: number; j: number }[] = [];
    const gathered: Float32Array[] = [];
    const targets: number[] = [];
    rows.forEach((b, r) => {
      for (let j = 0; j < responseWidth; j++) {
        if (input.responseMask[b]![j] !== 1) continue;
        const keptIndex = firstColumn[r]! + j - (width - kept);
        const offset = (r * kept + keptIndex) * vocab;
        gathered.push(out.data.subarray(offset, offset + vocab));
        targets.push(input.responseIds[b]![j]!);
        picked.push({ b, j });
      }
    });
    if (picked.length === 0) continue;
    const rowsLogits = new Float32Array(picked.length * vocab);
    gathered.forEach((row, i) => rowsLogits.set(row, i * vocab));
    const scored = await scorer.score(rowsLogits, vocab, targets, temperature);
    picked.forEach(({ b, j }, i) => {
      logprobs[b]![j] = scored.logprobs[i]!;
      entropy[b]![j] = scored.entropy[i]!;
    });
  }
  return { logprobs, entropy };
}
