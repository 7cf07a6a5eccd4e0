import type { MathRecord } from '../data/math-record.js';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import type { Policy } from '@prompt-aug/plugin-api';
import type { Template } from '@prompt-aug/plugin-api';
import { renderPrompt } from '../templates/render-prompt.js';
import { leftPad, rightPad } from '../decoding/padding.js';
import { SeededRandom } from '../util/random.js';
import { formatExemplar } from './format-exemplar.js';

export interface FormatWarmupOptions {
  steps: number;
  batchSize: number;
  seed: number;
  /** The answer the model is taught for a problem (it may draw from `random`), e.g. sloppyResult. */
  answerOf: (problem: MathRecord, random: SeededRandom) => string;
  /** Text written before the formatted answer, e.g. the problem restated (`3 + 4 = 5.`). */
  workingOf?: (problem: MathRecord, answer: string) => string;
}

/** Mean negative log-likelihood per response token. */
function meanNll(logprobs: readonly number[][], mask: readonly number[][]): number {
  let sum = 0;
  let count = 0;
  logprobs.forEach((row, i) => row.forEach((lp, t) => {
    if (mask[i]![t]) {
      sum -= lp;
      count += 1;
    }
  }));
  return count ? sum / count : Number.NaN;
}

/**
 * Stand-in for pretraining: teach the random model each template's answer FORMAT (its full
 * format reward; see formatExemplar) with the answers `answerOf` gives, so it
 * writes `\boxed{d}` (or the tagged variant) the way a pretrained model would, and its accuracy
 * starts where those answers put it. The update is the policy-gradient
 * step with every advantage 1 and old log-probs equal to the current ones: ratio 1, no clipping,
 * so its gradient is exactly that of the mean token negative log-likelihood.
 */
export async function formatWarmup(policy: Policy, tokenizer: ModelTokenizer, templates: readonly Template[], problems: readonly MathRecord[], options: FormatWarmupOptions): Promise<number[]> {
  const random = new SeededRandom(options.seed);
  const eos = tokenizer.eosTokenId;
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const prompts: number[][] = [];
    const responses: number[][] = [];
    for (let i = 0; i < options.batchSize; i++) {
      const template = templates[random.int(templates.length)]!;
      const problem = problems[random.int(problems.length)]!;
      const answer = options.answerOf(problem, random);
      prompts.push(tokenizer.encode(renderPrompt(template, problem.problem), { addSpecialTokens: false }));
      const working = options.workingOf ? options.workingOf(problem, answer) : '';
      responses.push([...tokenizer.encode(working + formatExemplar(template, answer), { addSpecialTokens: false }), eos]);
    }
    const prompt = leftPad(prompts, policy.info.padTokenId);
    const response = rightPad(responses, policy.info.padTokenId);
    const batch = { promptIds: prompt.ids, promptMask: prompt.mask, responseIds: response.ids, responseMask: response.mask, temperature: 1 };
    const old = await policy.logprobs(batch);
    await policy.trainStep!({ ...batch, oldLogprobs: old.logprobs, advantages: new Array<number>(options.batchSize).fill(1), microBatchSize: options.batchSize });
    // Report the NLL of the batch before the update (the policy-gradient loss is −1 at ratio 1).
    losses.push(meanNll(old.logprobs, response.mask));
  }
  return losses;
}
