/**
 * The Policy served by ONNX Runtime: forward, generate and logprobs over a decoder session,
 * plus updateWeights, which rebuilds the graph from new weights and swaps sessions. The first
 * trainStep switches to training mode (training-mode.ts): from then on the decoder reads the
 * live training tensors and updateWeights just replaces them.
 */
import { type ForwardInput, type ForwardOutput, type GenerateInput, type GenerateOutput, type LossConfig, type OptimizerConfig, type TrainStepInput, type TrainStepStats, type Policy, type PolicyInfo, type ScoreInput, type ScoreOutput } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import type { DecoderSession } from '../session/decoder-session.js';
import type { ScorerSession } from '../session/scorer-session.js';
import { forwardLogits } from './forward.js';
import { generateTokens, type TokenDecoder } from './generate.js';
import { scoreResponses } from './score.js';
import { TrainingMode, type TrainingSetup } from './training-mode.js';
import { checkTrainBatch } from './validate-train-batch.js';
import { checkMask, checkMatrix, checkNonEmptyRows, checkTokenRange } from './validate-batch.js';

/** Replaces the decoder session with one holding new weights; returns it. */
export type WeightReloader = (source: string | Map<string, Float32Array>) => Promise<DecoderSession>;

export interface OrtPolicyParts {
  info: PolicyInfo;
  decoder: DecoderSession;
  scorer: ScorerSession;
  tokenizer: TokenDecoder | null;
  reloadWeights: WeightReloader;
  /** Cleans up files the policy created (rebuilt graphs). */
  cleanup: () => Promise<void>;
  logitsBudgetBytes?: number;
  /** config.json max_position_embeddings: prompt + new tokens must fit. */
  maxPositions: number;
  /** What training needs; the loss and optimizer start from the load options (and saved state). */
  training: TrainingSetup;
  loss: LossConfig;
  optimizer: OptimizerConfig;
}

export class OrtPolicy implements Policy {
  readonly info: PolicyInfo;
  private decoder: DecoderSession;
  // ORT sessions are not re-entrant from JS; calls are queued so a weight swap never races a run.
  private queue: Promise<unknown> = Promise.resolve();
  private loss: LossConfig;
  private optim: OptimizerConfig;
  private training: TrainingMode | null = null;
  /** Where the current weights come from, until training holds them. */
  private weightSource: string | Map<string, Float32Array>;

  constructor(private readonly parts: OrtPolicyParts) {
    this.info = parts.info;
    this.decoder = parts.decoder;
    this.loss = { ...parts.loss };
    this.optim = { ...parts.optimizer };
    this.weightSource = parts.training.modelDir;
  }

  /** Current AdamW step count (0 before training). */
  get optimizerStep(): number {
    return this.training?.trainer.optimizer.step ?? 0;
  }

  configure(config: { loss?: Partial<LossConfig>; optimizer?: Partial<OptimizerConfig> }): void {
    this.loss = { ...this.loss, ...config.loss };
    this.optim = { ...this.optim, ...config.optimizer };
  }

  async trainStep(input: TrainStepInput): Promise<TrainStepStats> {
    checkTrainBatch(input, this.info.vocabSize, this.loss);
    const loss = { ...this.loss };
    const optim = { ...this.optim };
    return this.serial(async () => (await this.trainingMode()).trainer.step(input, loss, optim));
  }

  async save(dir: string): Promise<void> {
    return this.serial(async () => (await this.trainingMode()).save(dir, this.loss, this.optim));
  }

  /** Enters training mode once: live weight tensors, and a decoder that reads them. */
  private async trainingMode(): Promise<TrainingMode> {
    if (this.training) return this.training;
    this.training = await TrainingMode.start(this.parts.training, this.weightSource);
    const previous = this.decoder;
    this.decoder = this.training.decoder;
    await previous.dispose();
    return this.training;
  }

  // async: a malformed batch rejects the promise rather than throwing synchronously.
  async forward(input: ForwardInput): Promise<ForwardOutput> {
    checkMatrix('inputIds', input.inputIds);
    checkMask('attentionMask', input.attentionMask, input.inputIds);
    checkTokenRange('inputIds', input.inputIds, this.info.vocabSize);
    return this.serial(() => forwardLogits(this.decoder, input, this.info.vocabSize, this.info.padTokenId, this.parts.logitsBudgetBytes));
  }

  async generate(input: GenerateInput): Promise<GenerateOutput> {
    checkMatrix('inputIds', input.inputIds);
    checkMask('attentionMask', input.attentionMask, input.inputIds);
    checkNonEmptyRows('attentionMask', input.attentionMask);
    checkTokenRange('inputIds', input.inputIds, this.info.vocabSize);
    const longest = input.inputIds[0]!.length + input.maxNewTokens;
    if (longest > this.parts.maxPositions) {
      throw new UserError(
        `A prompt batch ${input.inputIds[0]!.length} tokens wide plus maxNewTokens ${input.maxNewTokens} needs ${longest} positions, but the model was trained for ${this.parts.maxPositions} (max_position_embeddings). Lower maxNewTokens or shorten the prompts.`,
        'PA_ORT_TOO_LONG',
      );
    }
    return this.serial(() =>
      generateTokens({ decoder: this.decoder, padId: this.info.padTokenId, vocabSize: this.info.vocabSize, eosTokenIds: this.info.eosTokenIds, tokenizer: this.parts.tokenizer }, input),
    );
  }

  async logprobs(input: ScoreInput): Promise<ScoreOutput> {
    checkMatrix('promptIds', input.promptIds);
    checkMatrix('responseIds', input.responseIds);
    checkMask('promptMask', input.promptMask, input.promptIds);
    checkMask('responseMask', input.responseMask, input.responseIds);
    checkNonEmptyRows('promptMask', input.promptMask);
    if (input.responseIds.length !== input.promptIds.length) {
      throw new UserError(`responseIds has ${input.responseIds.length} rows but promptIds has ${input.promptIds.length}; give one response per prompt.`, 'PA_ORT_BAD_BATCH');
    }
    checkTokenRange('promptIds', input.promptIds, this.info.vocabSize);
    checkTokenRange('responseIds', input.responseIds, this.info.vocabSize);
    return this.serial(() => scoreResponses(this.decoder, this.parts.scorer, input, this.info.vocabSize, this.info.padTokenId, this.parts.logitsBudgetBytes));
  }

  updateWeights(source: string | Map<string, Float32Array>): Promise<void> {
    return this.serial(async () => {
      this.weightSource = source;
      if (this.training) return this.training.replaceWeights(source);
      const next = await this.parts.reloadWeights(source);
      const previous = this.decoder;
      this.decoder = next;
      await previous.dispose();
    });
  }

  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.training) await this.training.trainer.dispose();
    await this.decoder.dispose();
    await this.parts.scorer.dispose();
    await this.parts.cleanup();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
