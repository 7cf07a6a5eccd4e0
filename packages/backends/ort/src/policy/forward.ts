/** Policy.forward: logits at every position of a left-padded batch, in the caller's layout (0 at padding). */
import type { ForwardInput, ForwardOutput } from '@prompt-aug/plugin-api';
import type { DecoderSession } from '../session/decoder-session.js';
import { arrangeBatch } from './batch-layout.js';
import { rowChunks } from './row-chunks.js';

export async function forwardLogits(decoder: DecoderSession, input: ForwardInput, vocabSize: number, padId: number, budgetBytes?: number): Promise<ForwardOutput> {
  const batch = input.inputIds.length;
  const width = input.inputIds[0]!.length;
  const logits = new Float32Array(batch * width * vocabSize);
  for (const [start, end] of rowChunks(batch, width * vocabSize * 4, budgetBytes)) {
    const arranged = arrangeBatch(input.inputIds.slice(start, end), input.attentionMask.slice(start, end), decoder.layout.padding, padId);
    const cache = decoder.newCache(end - start, width);
    const out = await decoder.step({ ...arranged, keep: 0 }, cache);
    for (let r = 0; r < end - start; r++) {
      const shift = arranged.shifts[r]!;
      // Model column m holds caller column m + shift; columns shifted in from the right are padding.
      const source = out.data.subarray(r * width * vocabSize, (r * width + width - shift) * vocabSize);
      logits.set(source, ((start + r) * width + shift) * vocabSize);
      // Padded positions carry no prediction; zero them so both graph flavours agree exactly.
      input.attentionMask[start + r]!.forEach((m, c) => {
        if (m === 0) logits.fill(0, ((start + r) * width + c) * vocabSize, ((start + r) * width + c + 1) * vocabSize);
      });
    }
  }
  return { logits, shape: [batch, width, vocabSize] };
}
