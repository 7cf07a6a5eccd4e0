import type { Policy } from '@prompt-aug/plugin-api';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import { leftPad } from '../decoding/padding.js';
import { chunk } from './batch-layout.js';

export interface RolloutRequest {
  promptIds: number[];
  /** Group id: the rollouts of one prompt share it. */
  group: number;
}

export interface GeneratedResponse {
  responseIds: number[];
  responseText: string;
  finishReason: 'eos' | 'length' | 'stop';
  /** Per response token, when asked for and the engine gives them (see GenerateInput.returnLogprobs). */
  logprobs?: number[];
  entropy?: number[];
  /** The weight version of the engine that generated it, when it tracks one. */
  weightVersion?: string;
}

/** The model's numbers are no longer finite (NaN or infinite weights or logits). */
export class NonFiniteModelError extends Error {
  override readonly name = 'NonFiniteModelError';
}

export interface RolloutOptions {
  maxNewTokens: number;
  temperature: number;
  topP: number;
  topK: number;
  /** Sequences per generate call. */
  batchSize: number;
  /** Base seed of this step; each generate call gets seed + its index, so steps replay exactly. */
  seed: number;
  /** Keep the engine's log-prob and entropy of each generated token, if it gives them. */
  returnLogprobs?: boolean;
}

/**
 * Generate one response per request in batches, keeping each response's real tokens (EOS
 * included, padding dropped) and its text decoded without special tokens, as the reward sees it.
 */
export async function generateRollouts<R extends RolloutRequest>(
  policy: Policy,
  tokenizer: Pick<ModelTokenizer, 'decode'>,
  requests: readonly R[],
  options: RolloutOptions,
): Promise<Array<R & GeneratedResponse>> {
  const rollouts: Array<R & GeneratedResponse> = [];
  const batches = chunk(requests, options.batchSize);
  for (const [index, batch] of batches.entries()) {
    const { ids, mask } = leftPad(batch.map((r) => r.promptIds), policy.info.padTokenId);
    const out = await policy.generate({
      inputIds: ids,
      attentionMask: mask,
      maxNewTokens: options.maxNewTokens,
      temperature: options.temperature,
      topP: options.topP,
      topK: options.topK,
      seed: (options.seed + index) >>> 0,
      eosTokenIds: policy.info.eosTokenIds,
      ...(options.returnLogprobs ? { returnLogprobs: true } : {}),
    });
    batch.forEach((request, row) => {
      const length = out.lengths[row]!;
      const responseIds = out.tokens[row]!.slice(0, length);
      if (!responseIds.every((t) => Number.isInteger(t) && t >= 0 && t < policy.info.vocabSize)) {
        throw new NonFiniteModelError(`the policy generated invalid token ids (${responseIds.slice(0, 4).join(', ')}…): its outputs are no longer finite numbers`);
      }
      rollouts.push({
        ...request,
        responseIds,
        responseText: tokenizer.decode(responseIds, { skipSpecialTokens: true }),
        finishReason: out.finishReasons[row]!,
        ...(out.weightVersion !== undefined ? { weightVersion: out.weightVersion } : {}),
        ...(out.logprobs ? { logprobs: out.logprobs[row]!.slice(0, length) } : {}),
        ...(out.entropy ? { entropy: out.entropy[row]!.slice(0, length) } : {}),
      });
    });
  }
  return rollouts;
}
