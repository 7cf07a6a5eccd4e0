/**
 * The token loop of Policy.generate, shared by every backend: a backend supplies the model steps
 * (prefill, then one token per row), this decides the tokens. Rows stop on EOS, a stop string or
 * the token budget; a finished row keeps feeding the pad id (rows never attend to each other,
 * so that is inert) and its output is filled with the pad id. Each row draws from its own
 * generator (its `rowSeeds` entry, else forked from the seed in row order), so its samples do not
 * depend on when the others finish, and two backends with equal logits give equal tokens.
 */
import type { FinishReason, GenerateInput, GenerateOutput } from '@prompt-aug/plugin-api';
import { SeededRandom } from '../util/random.js';
import { UserError } from '../util/user-error.js';
import { StopStringWatcher } from './stop-strings.js';
import { NO_TOKEN, sampleScoredToken, sampleToken, samplingSettings } from './token-sampling.js';

export interface DecodeSteps {
  vocabSize: number;
  padTokenId: number;
  /** EOS ids used when the input names none. */
  defaultEosTokenIds: readonly number[];
  /** Token ids -> text, for stop strings; null when the model folder has no tokenizer. */
  decode: ((ids: number[]) => string) | null;
  /** Runs the prompts; returns logits [B × V] at each row's last prompt token. */
  prefill(): Float32Array | Promise<Float32Array>;
  /** Feeds one token per row; returns logits [B × V] at the new position. */
  next(tokens: number[]): Float32Array | Promise<Float32Array>;
}

export async function decodeLoop(input: GenerateInput, steps: DecodeSteps): Promise<GenerateOutput> {
  const batch = input.inputIds.length;
  const V = steps.vocabSize;
  const sampling = samplingSettings(input);
  const eos = new Set(input.eosTokenIds ?? steps.defaultEosTokenIds);
  const watcher = stopWatcher(input.stopStrings, steps.decode);
  const randoms = rowRandoms(input, batch);
  const width = Math.max(0, input.maxNewTokens);
  const tokens = Array.from({ length: batch }, () => new Array<number>(width).fill(steps.padTokenId));
  const lengths = new Array<number>(batch).fill(0);
  const reasons = new Array<FinishReason>(batch).fill('length');
  const finished = new Array<boolean>(batch).fill(false);
  // Scored like `logprobs` scores them: the unfiltered softmax at the sampling temperature (1 when greedy).
  const scoring = input.returnLogprobs
    ? { temperature: sampling.temperature > 0 ? sampling.temperature : 1, logprobs: tokens.map(() => new Array<number>(width).fill(0)), entropy: tokens.map(() => new Array<number>(width).fill(0)) }
    : null;
  const result = (): GenerateOutput => ({ tokens, lengths, finishReasons: reasons, ...(scoring ? { logprobs: scoring.logprobs, entropy: scoring.entropy } : {}) });
  if (width === 0) return result();

  let logits = await steps.prefill();
  for (let t = 0; t < width; t++) {
    const stepTokens = new Array<number>(batch).fill(steps.padTokenId);
    for (let b = 0; b < batch; b++) {
      if (finished[b]) continue;
      const row = logits.subarray(b * V, (b + 1) * V);
      let token: number;
      if (scoring) {
        const scored = sampleScoredToken(row, sampling, randoms[b]!, scoring.temperature);
        token = scored.token;
        scoring.logprobs[b]![t] = scored.logprob;
        scoring.entropy[b]![t] = scored.entropy;
      } else {
        token = sampleToken(row, sampling, randoms[b]!);
      }
      tokens[b]![t] = token;
      lengths[b] = t + 1;
      // Non-finite logits give NO_TOKEN: keep it in the output for the caller to see, feed no more.
      if (token === NO_TOKEN) {
        finish(b, 'length');
        continue;
      }
      stepTokens[b] = token;
      if (eos.has(token)) finish(b, 'eos');
      else if (watcher?.matches(tokens[b]!, t + 1)) finish(b, 'stop');
    }
    if (finished.every(Boolean) || t === width - 1) break;
    // A server whose client went away stops between tokens instead of finishing the batch.
    input.signal?.throwIfAborted();
    logits = await steps.next(stepTokens);
  }
  return result();

  function finish(b: number, reason: FinishReason): void {
    finished[b] = true;
    reasons[b] = reason;
  }
}

/** One generator per row: from its own seed when given, else forked from `seed` in row order. */
function rowRandoms(input: GenerateInput, batch: number): SeededRandom[] {
  if (input.rowSeeds) {
    if (input.rowSeeds.length !== batch || !input.rowSeeds.every((s) => Number.isInteger(s))) {
      throw new UserError(`generate was given ${input.rowSeeds.length} rowSeeds for ${batch} prompt rows; pass one whole-number seed per row, or none.`, 'PA_GENERATE_ROW_SEEDS_MISMATCH');
    }
    return input.rowSeeds.map((seed) => new SeededRandom(seed));
  }
  const master = new SeededRandom(input.seed ?? 0);
  return Array.from({ length: batch }, () => master.fork());
}

function stopWatcher(stops: string[] | undefined, decode: ((ids: number[]) => string) | null): StopStringWatcher | null {
  if (!stops || stops.length === 0) return null;
  if (!decode) {
    throw new UserError('generate was given stopStrings, but the model folder has no tokenizer.json to decode with. Add the tokenizer files to the folder or stop on eosTokenIds instead.', 'PA_NO_TOKENIZER');
  }
  return new StopStringWatcher(stops, decode);
}
