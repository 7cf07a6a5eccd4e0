/**
 * One optimizer step over a batch of rollouts on ONNX Runtime: the training graph per
 * micro-batch (gradients accumulated inside ORT), the global gradient norm, clipping and
 * AdamW — skipped when the norm is not finite — all on the live parameter tensors, which
 * the decoder session reads too.
 */
import { trainStepStats, type LossConfig, type OptimizerConfig, type TrainStepInput, type TrainStepStats } from '@prompt-aug/plugin-api';
import type { Tensor } from 'onnxruntime-node';
import type { DecoderConfig } from '../onnx/decoder-config.js';
import type { SessionSettings } from '../session/session-options.js';
import { createAdamWState, OptimizerSessions, type AdamWState } from './adamw-state.js';
import { CheckpointedGradients } from './checkpointed-gradients.js';
import { GradientSessions, type GradientEngine } from './gradient-sessions.js';

export class OrtTrainer {
  readonly optimizer: AdamWState = createAdamWState();
  private optimizerSessions: Promise<OptimizerSessions> | null = null;

  constructor(
    readonly gradients: GradientEngine,
    /** Graph-layout parameters by graph name; replaced (not mutated) on each update. */
    readonly params: Map<string, Tensor>,
    private readonly settings: SessionSettings,
  ) {}

  /** `checkpointLayers`: recompute each layer's activations in the backward pass instead of keeping them. */
  static create(config: DecoderConfig, params: Map<string, Tensor>, settings: SessionSettings, checkpointLayers = false): OrtTrainer {
    const engine = checkpointLayers ? new CheckpointedGradients(config, settings) : new GradientSessions(config, settings);
    return new OrtTrainer(engine, params, settings);
  }

  private sessions(): Promise<OptimizerSessions> {
    this.optimizerSessions ??= OptimizerSessions.create(this.gradients.parameters, this.settings);
    return this.optimizerSessions;
  }

  async step(input: TrainStepInput, loss: LossConfig, optim: OptimizerConfig): Promise<TrainStepStats> {
    const { grads, sums } = await this.gradients.gradients(this.params, input, loss);
    const sessions = await this.sessions();
    const gradNorm = await sessions.gradNorm(grads);
    const applied = Number.isFinite(gradNorm);
    if (applied) {
      // clip_grad_norm_: scale by max_norm / (norm + 1e-6) only when that is below 1.
      const coef = optim.gradClip / (gradNorm + 1e-6);
      await sessions.step(this.optimizer, this.params, grads, optim, coef < 1 ? coef : 1);
    }
    return trainStepStats(input, sums, gradNorm, applied);
  }

  async dispose(): Promise<void> {
    await this.gradients.dispose();
    await (await this.optimizerSessions?.catch(() => null))?.dispose();
  }
}
