import { describe, expect, it } from 'vitest';
import type { GenerateInput, GenerateOutput, Policy, ScoreInput, TrainStepInput } from '@prompt-aug/plugin-api';
import type { TemplatesPlugin, VerifierPlugin } from '@prompt-aug/plugin-api';
import type { ModelTokenizer } from '../../src/model/model-tokenizer.js';
import { resolveTrainConfig } from '../../src/train/resolve-train-config.js';
import { runTrainStep, type StepContext } from '../../src/train/train-step.js';

// Characters are token ids; id 1 ends a response.
const tokenizer = {
  encode: (text: string) => [...text].map((c) => c.charCodeAt(0)),
  decode: (ids: number[]) => String.fromCharCode(...ids.filter((id) => id > 1)),
} as unknown as ModelTokenizer;

const templates: TemplatesPlugin = { kind: 'templates', name: 't', version: '0', apiVersion: 1, templates: [{ id: 'plain', chatTemplate: '{{ messages[0].content }}' }] };
const verifier: VerifierPlugin = {
  kind: 'verifier', name: 'v', version: '0', apiVersion: 1,
  extract: (text) => text,
  verify: (gold, response) => ({ correct: response === String([gold].flat()[0]), extracted: response }),
} as VerifierPlugin;

// Row b answers "7" (right) when b is even, else "8"; real lengths 2 (digit + EOS).
const GENERATION_LOGPROBS = (b: number) => [-0.25 * (b + 1), -0.5];
const GENERATION_ENTROPY = (b: number) => [0.1 * (b + 1), 0.3];

function fakePolicy(options: { givesLogprobs: boolean }) {
  const calls = { logprobs: 0, generateAsked: [] as boolean[], trainSteps: [] as TrainStepInput[] };
  const policy: Policy = {
    info: { backend: 'fake', device: 'cpu', architecture: 'fake', numParameters: 1, vocabSize: 128, padTokenId: 0, eosTokenIds: [1] },
    forward: () => Promise.reject(new Error('not used')),
    generate: (input: GenerateInput): Promise<GenerateOutput> => {
      calls.generateAsked.push(input.returnLogprobs === true);
      const pad = (row: number[]) => [...row, ...Array<number>(input.maxNewTokens - row.length).fill(0)];
      const rows = input.inputIds.map((_, b) => b);
      return Promise.resolve({
        tokens: rows.map((b) => pad([b % 2 === 0 ? 55 : 56, 1])),
        lengths: rows.map(() => 2),
        finishReasons: rows.map(() => 'eos' as const),
        ...(options.givesLogprobs && input.returnLogprobs ? { logprobs: rows.map((b) => pad(GENERATION_LOGPROBS(b))), entropy: rows.map((b) => pad(GENERATION_ENTROPY(b))) } : {}),
      });
    },
    logprobs: (input: ScoreInput) => {
      calls.logprobs += 1;
      return Promise.resolve({ logprobs: input.responseIds.map((r) => r.map(() => -5)), entropy: input.responseIds.map((r) => r.map(() => 2)) });
    },
    trainStep: (input: TrainStepInput) => {
      calls.trainSteps.push(input);
      return Promise.resolve({ loss: 0, clipFrac: 0, clipFracLower: 0, approxKl: 0, gradNorm: 0, entropy: 0, applied: true });
    },
    dispose: () => undefined,
  } as unknown as Policy;
  return { policy, calls };
}

function context(policy: Policy, rolloutPolicy: Policy): StepContext {
  const { config } = resolveTrainConfig({ flags: { model: 'm', data: 'd', out: 'o', promptsPerStep: 2, rolloutsPerPrompt: 2, miniBatchPrompts: 2, maxResponseTokens: 4 } });
  const records = [0, 1].map((i) => ({ id: `r${i}`, problem: `3+${i}=`, answers: ['7'], meta: {} }));
  return { config, policy, rolloutPolicy, tokenizer, templates, verifier, records };
}

describe('runTrainStep old log-probs', () => {
  it('takes them from generation when the training policy generated the rollouts itself (no scoring pass)', async () => {
    const { policy, calls } = fakePolicy({ givesLogprobs: true });
    const result = await runTrainStep(context(policy, policy), 1, 0, [0, 1]);
    expect(calls.generateAsked).toEqual([true]);
    expect(calls.logprobs).toBe(0);
    expect(calls.trainSteps).toHaveLength(1);
    // 4 rollouts (rows 0–3), padded to the longest response (2 tokens).
    expect(calls.trainSteps[0]!.oldLogprobs).toEqual([0, 1, 2, 3].map(GENERATION_LOGPROBS));
    // Token mean of the generation entropies: (0.1+0.2+0.3+0.4 + 4·0.3) / 8.
    expect(result.entropy).toBeCloseTo((0.1 + 0.2 + 0.3 + 0.4 + 4 * 0.3) / 8, 12);
    expect(result.seconds.logprobs).toBeLessThan(0.05);
  });

  it('re-scores with the training policy when a separate engine generated them, and weights tokens by TIS against the engine\'s log-probs', async () => {
    const trainer = fakePolicy({ givesLogprobs: true });
    const engine = fakePolicy({ givesLogprobs: true });
    const result = await runTrainStep(context(trainer.policy, engine.policy), 1, 0, [0, 1]);
    expect(engine.calls.generateAsked).toEqual([true]);
    expect(trainer.calls.logprobs).toBe(1);
    expect(trainer.calls.trainSteps[0]!.oldLogprobs).toEqual([0, 1, 2, 3].map(() => [-5, -5]));
    expect(result.entropy).toBeCloseTo(2, 12);
    // Row b's engine log-probs are [−0.25(b+1), −0.5]; the trainer's −5: weight min(exp(−5 − engine), 2).
    const weights = trainer.calls.trainSteps[0]!.tokenWeights!;
    [0, 1, 2, 3].forEach((b) => {
      expect(weights[b]![0]).toBeCloseTo(Math.exp(-5 + 0.25 * (b + 1)), 12);
      expect(weights[b]![1]).toBeCloseTo(Math.exp(-4.5), 12);
    });
    // |Δ logp| over the 8 tokens: 4.75 + 4.5 + 4.5 + 4.5 + 4.25 + 4.5 + 4 + 4.5 = 35.5.
    expect(result.mismatch!.logpAbsDiff).toBeCloseTo(35.5 / 8, 12);
  });

  it('with rollout.correction none the mismatch is still measured but no weights are passed', async () => {
    const trainer = fakePolicy({ givesLogprobs: true });
    const engine = fakePolicy({ givesLogprobs: true });
    const ctx = context(trainer.policy, engine.policy);
    ctx.config = { ...ctx.config, rollout: { ...ctx.config.rollout, correction: 'none' } };
    const result = await runTrainStep(ctx, 1, 0, [0, 1]);
    expect(trainer.calls.trainSteps[0]!.tokenWeights).toBeUndefined();
    expect(result.mismatch!.logpAbsDiff).toBeCloseTo(35.5 / 8, 12);
  });

  it('re-scores when rollout.logprobsFromGeneration is off', async () => {
    const { policy, calls } = fakePolicy({ givesLogprobs: true });
    const ctx = context(policy, policy);
    ctx.config = { ...ctx.config, rollout: { ...ctx.config.rollout, logprobsFromGeneration: false } };
    await runTrainStep(ctx, 1, 0, [0, 1]);
    expect(calls.generateAsked).toEqual([false]);
    expect(calls.logprobs).toBe(1);
  });

  it('re-scores when the engine does not give them', async () => {
    const { policy, calls } = fakePolicy({ givesLogprobs: false });
    await runTrainStep(context(policy, policy), 1, 0, [0, 1]);
    expect(calls.logprobs).toBe(1);
    expect(calls.trainSteps[0]!.oldLogprobs).toEqual([0, 1, 2, 3].map(() => [-5, -5]));
  });
});

describe('runTrainStep mini-batches', () => {
  // Problems of 9, 3, 6 and 3 characters (= prompt tokens); two prompts per update.
  function run(miniBatchByLength: boolean) {
    const { policy, calls } = fakePolicy({ givesLogprobs: true });
    const ctx = context(policy, policy);
    ctx.config = { ...ctx.config, promptsPerStep: 4, miniBatchPrompts: 2, miniBatchByLength };
    ctx.records = ['123456789', 'abc', '123456', 'xyz'].map((problem, i) => ({ id: `r${i}`, problem, answers: ['7'], meta: {} }));
    return runTrainStep(ctx, 1, 0, [0, 1, 2, 3]).then(() => calls.trainSteps.map((s) => s.promptIds.map((row) => row.length)));
  }

  it('go in order of prompt length by default, so each pads less', async () => {
    // Each update: 2 prompts × 2 rollouts, left-padded to the longest prompt in it.
    expect(await run(true)).toEqual([[3, 3, 3, 3], [9, 9, 9, 9]]);
  });

  it('keep the sampler order with miniBatchByLength false', async () => {
    expect(await run(false)).toEqual([[9, 9, 9, 9], [6, 6, 6, 6]]);
  });
});
