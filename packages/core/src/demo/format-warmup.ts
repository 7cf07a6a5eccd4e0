import type { MathRecord } from '../data/math-record.js';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import type { Policy } from '../policy/types.js';
import type { Template } from '../plugin/types.js';
import { renderPrompt } from '../templates/render-prompt.js';
import { leftPad, rightPad } from '../train/batch-layout.js';
import { SeededRandom } from '../util/random.js';
import { formatAnswer } from './demo-corpus.js';

export interface FormatWarmupOptions {
  steps: number;
  batchSize: number;
  seed: number;
  /** Answers drawn uniformly from these (the possible results), never the right one on purpose. */
  answerPool: readonly string[];
}

/**
 * Stand-in for pretraining: teach the random model each template's answer FORMAT with answers
 * drawn at random, so it writes `\boxed{d}` (or the tagged variant) but knows no arithmetic —
 * its accuracy starts at chance and only GRPO can raise it. The update is the policy-gradient
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
      const answer = options.answerPool[random.int(options.answerPool.length)]!;
      prompts.push(tokenizer.encode(renderPrompt(template, problem.problem), { addSpecialTokens: false }));
      responses.push([...tokenizer.encode(formatAnswer(answer, template.answerFormat), { addSpecialTokens: false }), eos]);
    }
    const prompt = leftPad(prompts, policy.info.padTokenId);
    const response = rightPad(responses, policy.info.padTokenId);
    const batch = { promptIds: prompt.ids, promptMask: prompt.mask, responseIds: response.ids, responseMask: response.mask, temperature: 1 };
    const old = await policy.logprobs(batch);
    const stats = await policy.trainStep!({ ...batch, oldLogprobs: old.logprobs, advantages: new Array<number>(options.batchSize).fill(1), microBatchSize: options.batchSize });
    losses.push(stats.loss);
  }
  return losses;
}
