/**
 * What an OrtPolicy holds once it trains: the live parameters (graph layout, ORT tensors),
 * the trainer with its AdamW state, and a decoder session that reads those same tensors, so
 * rollouts after a step see the new weights at no cost.
 */
import type { LossConfig, OptimizerConfig } from '@prompt-aug/plugin-api';
import type { ModelConfig } from '@prompt-aug/core/model';
import { Tensor } from 'onnxruntime-node';
import { weightsFromSource } from '../load/weight-source.js';
import type { DecoderSession } from '../session/decoder-session.js';
import type { SessionSettings } from '../session/session-options.js';
import { loadOptimizerMoments, saveOptimizerState, writeModelFolder } from '../train/checkpoint-io.js';
import { toGraphLayout } from '../train/graph-parameters.js';
import { OrtTrainer } from '../train/ort-trainer.js';
import { buildWeightFedDecoder, openWeightFedDecoder } from '../train/weight-fed-decoder.js';

export interface TrainingSetup {
  config: ModelConfig;
  /** The folder the policy was loaded from: its tokenizer files are copied on save. */
  modelDir: string;
  settings: SessionSettings;
  /** Layer checkpointing (load option `checkpointLayers`). */
  checkpointLayers: boolean;
}

export class TrainingMode {
  private constructor(
    private readonly setup: TrainingSetup,
    readonly trainer: OrtTrainer,
    readonly decoder: DecoderSession,
  ) {}

  /** Reads the weights (and, from the load folder, the AdamW moments) and opens the sessions. */
  static async start(setup: TrainingSetup, source: string | Map<string, Float32Array>): Promise<TrainingMode> {
    const { graph, params } = buildWeightFedDecoder(setup.config, await weightsFromSource(setup.config, source));
    const trainer = OrtTrainer.create(setup.config, params, setup.settings, setup.checkpointLayers);
    if (source === setup.modelDir) await loadOptimizerMoments(source, trainer.gradients.parameters, trainer.optimizer);
    const decoder = await openWeightFedDecoder(graph, setup.settings, () => trainer.params);
    return new TrainingMode(setup, trainer, decoder);
  }

  /** updateWeights while training: new tensors under the same names; sessions stay. */
  async replaceWeights(source: string | Map<string, Float32Array>): Promise<void> {
    const weights = await weightsFromSource(this.setup.config, source);
    for (const p of this.trainer.gradients.parameters) {
      this.trainer.params.set(p.name, new Tensor('float32', Float32Array.from(toGraphLayout(p, weights.get(p.hfName)!.data)), p.dims));
    }
  }

  async save(dir: string, loss: LossConfig, optimizer: OptimizerConfig): Promise<void> {
    const params = this.trainer.gradients.parameters;
    await writeModelFolder(dir, this.setup.config, params, this.trainer.params, this.setup.modelDir);
    if (this.trainer.optimizer.step > 0) await saveOptimizerState(dir, params, this.trainer.optimizer, { loss, optimizer });
  }

  async dispose(): Promise<void> {
    await this.trainer.dispose();
    await this.decoder.dispose();
  }
}
