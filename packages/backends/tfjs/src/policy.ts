/**
 * The tfjs Policy: a Qwen2/Llama model held as tf variables, with forward, KV-cache
 * generation, RL-layout log-probs, GRPO training steps and Hugging Face checkpoints.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_LOSS, DEFAULT_OPTIMIZER, type DeviceInfo, type ForwardInput, type ForwardOutput, type GenerateInput, type GenerateOutput, type LossConfig, type OptimizerConfig, type Policy, type PolicyInfo, type ScoreInput, type ScoreOutput, type TrainStepInput, type TrainStepStats } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import { policyTokenIds } from '@prompt-aug/core/model';
import { isWasmOutOfMemory, wasmOutOfMemoryError } from './engine/wasm-out-of-memory.js';
import { generate } from './generate/generate.js';
import { readModelFolder, writeModelFolder, type ModelFolder } from './io/model-files.js';
import { loadOptimizerState, saveOptimizerState } from './io/optimizer-state.js';
import { outputProjection } from './model/decoder.js';
import { forwardLogits, type Model } from './model/forward.js';
import { countParameters, createParameters, fromHuggingFaceTensor, isStoredTransposed, toHuggingFaceTensors } from './model/parameters.js';
import { checkIds, checkMatrix } from './policy-input.js';
import { chunkedResponseStats } from './score/chunked-logprobs.js';
import { createAdamWState, disposeAdamWState, type AdamWState } from './train/adamw.js';
import { trainStep } from './train/train-step.js';

const toRows = (data: ArrayLike<number>, batch: number, width: number): number[][] =>
  Array.from({ length: batch }, (_, b) => Array.from({ length: width }, (_, t) => data[b * width + t]! + 0)); // + 0 turns −0 into 0

/**
 * wasm32 addresses at most 4 GiB, and the weights alone take 4 bytes per parameter (training
 * adds gradients and two AdamW moments, ≥ 16 bytes). Refuse early instead of aborting inside
 * the wasm allocator.
 */
const WASM_WEIGHT_LIMIT_BYTES = 3.5 * 2 ** 30;

function checkFitsDevice(folder: ModelFolder, device: DeviceInfo): void {
  if (device.device !== 'wasm') return;
  let count = 0;
  for (const t of folder.weights.values()) count += t.data.length;
  if (count * 4 > WASM_WEIGHT_LIMIT_BYTES) {
    throw new UserError(
      `The model in ${folder.dir} has ${(count / 1e9).toFixed(2)}B parameters (${((count * 4) / 2 ** 30).toFixed(1)} GiB as float32), more than the wasm engine can address (4 GiB, of which training needs ≥ 16 bytes per parameter). ` +
        `Use --device cuda or tfjs-node (install @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node), the ort backend for generation, or a smaller model.`,
      'PA_MODEL_TOO_LARGE',
    );
  }
}

export class TfjsPolicy implements Policy {
  readonly info: PolicyInfo;
  private readonly model: Model;
  private readonly optimizer: AdamWState = createAdamWState();
  private loss: LossConfig;
  private optim: OptimizerConfig;
  /** Activation checkpointing in trainStep (load option `checkpointLayers`). */
  checkpointLayers = false;
  /** Inference-only copy of the output projection (the tied embedding's transpose); dropped when weights change. */
  private projection: tf.Tensor | undefined;

  private constructor(private readonly folder: ModelFolder, device: DeviceInfo, loss: LossConfig, optim: OptimizerConfig) {
    const { config } = folder;
    checkFitsDevice(folder, device);
    this.model = { config, params: createParameters(config, folder.weights, folder.dir) };
    folder.weights.clear(); // the variables own the numbers now
    this.loss = loss;
    this.optim = optim;
    this.info = {
      backend: 'backend-tfjs',
      device: device.device,
      architecture: config.architecture,
      numParameters: countParameters(this.model.params),
      vocabSize: config.vocabSize,
      ...policyTokenIds(config, folder.tokenizer),
    };
  }

  static async load(
    modelDir: string,
    device: DeviceInfo,
    options: { loss?: Partial<LossConfig>; optimizer?: Partial<OptimizerConfig>; checkpointLayers?: boolean },
  ): Promise<TfjsPolicy> {
    const folder = await readModelFolder(modelDir);
    const policy = new TfjsPolicy(folder, device, { ...DEFAULT_LOSS }, { ...DEFAULT_OPTIMIZER });
    policy.checkpointLayers = options.checkpointLayers ?? false;
    const saved = await loadOptimizerState(folder.dir, policy.optimizer);
    // Saved training configuration first, then whatever the caller asks for now.
    policy.configure({ loss: { ...saved?.loss, ...options.loss }, optimizer: { ...saved?.optimizer, ...options.optimizer } });
    return policy;
  }

  /** Current AdamW step count (0 before training). */
  get optimizerStep(): number {
    return this.optimizer.step;
  }

  private inferenceProjection(): tf.Tensor {
    this.projection ??= tf.keep(outputProjection(this.model.config, this.model.params));
    return this.projection;
  }

  /** Runs `work`, turning a wasm out-of-memory trap into a clear error naming the batch. */
  private async guarded<T>(operation: string, sequences: number, tokens: number, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (this.info.device === 'wasm' && isWasmOutOfMemory(error)) throw wasmOutOfMemoryError(operation, sequences, tokens);
      throw error;
    }
  }

  private weightsChanged(): void {
    if (this.projection && this.model.config.tieWordEmbeddings) this.projection.dispose();
    this.projection = undefined;
  }

  async forward(input: ForwardInput): Promise<ForwardOutput> {
    const T = checkMatrix('inputIds', input.inputIds, input.inputIds.length);
    checkMatrix('attentionMask', input.attentionMask, input.inputIds.length, T);
    checkIds('inputIds', input.inputIds, this.info.vocabSize);
    return this.guarded('forward', input.inputIds.length, T, () => {
      const logits = tf.tidy(() => forwardLogits(this.model, input.inputIds, input.attentionMask, this.inferenceProjection()));
      const data = new Float32Array(logits.dataSync());
      logits.dispose();
      return { logits: data, shape: [input.inputIds.length, T, this.info.vocabSize] };
    });
  }

  async generate(input: GenerateInput): Promise<GenerateOutput> {
    const T = checkMatrix('inputIds', input.inputIds, input.inputIds.length);
    checkMatrix('attentionMask', input.attentionMask, input.inputIds.length, T);
    checkIds('inputIds', input.inputIds, this.info.vocabSize);
    const tokenizer = this.folder.tokenizer;
    return this.guarded('generate', input.inputIds.length, T + input.maxNewTokens, () =>
      generate(
        {
          model: this.model,
          projection: this.inferenceProjection(),
          padTokenId: this.info.padTokenId,
          defaultEosTokenIds: this.info.eosTokenIds,
          decode: tokenizer ? (ids) => tokenizer.decode(ids) : undefined,
        },
        input,
      ),
    );
  }

  async logprobs(input: ScoreInput): Promise<ScoreOutput> {
    const B = input.promptIds.length;
    const P = checkMatrix('promptIds', input.promptIds, B);
    checkMatrix('promptMask', input.promptMask, B, P);
    const R = checkMatrix('responseIds', input.responseIds, B);
    checkMatrix('responseMask', input.responseMask, B, R);
    checkIds('promptIds', input.promptIds, this.info.vocabSize);
    checkIds('responseIds', input.responseIds, this.info.vocabSize);
    return this.guarded('logprobs', B, P + R, () => {
      const { logprobs, entropy } = chunkedResponseStats(this.model, input, input.temperature ?? 1, this.inferenceProjection());
      return { logprobs: toRows(logprobs, B, R), entropy: toRows(entropy, B, R) };
    });
  }

  configure(config: { loss?: Partial<LossConfig>; optimizer?: Partial<OptimizerConfig> }): void {
    this.loss = { ...this.loss, ...config.loss };
    this.optim = { ...this.optim, ...config.optimizer };
  }

  async trainStep(input: TrainStepInput): Promise<TrainStepStats> {
    const B = input.promptIds.length;
    const P = checkMatrix('promptIds', input.promptIds, B);
    checkMatrix('promptMask', input.promptMask, B, P);
    const R = checkMatrix('responseIds', input.responseIds, B);
    for (const field of ['responseMask', 'oldLogprobs', 'refLogprobs', 'tokenWeights'] as const) {
      if (input[field]) checkMatrix(field, input[field]!, B, R);
    }
    checkIds('promptIds', input.promptIds, this.info.vocabSize);
    checkIds('responseIds', input.responseIds, this.info.vocabSize);
    if (input.advantages.length !== B) {
      throw new UserError(`advantages has ${input.advantages.length} entries for ${B} sequences; pass one advantage per sequence.`, 'PA_BAD_BATCH');
    }
    if (this.loss.klCoef !== 0 && !input.refLogprobs) {
      throw new UserError(
        `The loss has a KL term (klCoef ${this.loss.klCoef}) but trainStep got no refLogprobs; score the responses with the frozen reference policy and pass them, or configure klCoef 0.`,
        'PA_NO_REF_LOGPROBS',
      );
    }
    this.weightsChanged();
    // trainStep works in micro-batches: that many sequences share the activations at once.
    const micro = Math.min(B, input.microBatchSize ?? B);
    return this.guarded('trainStep', micro, P + R, () =>
      trainStep({ model: this.model, optimizer: this.optimizer, loss: this.loss, optim: this.optim, checkpointLayers: this.checkpointLayers }, input),
    );
  }

  async save(dir: string): Promise<void> {
    await writeModelFolder(dir, this.model.config, toHuggingFaceTensors(this.model.params), this.folder.dir);
    if (this.optimizer.step > 0) await saveOptimizerState(dir, this.optimizer, { loss: this.loss, optimizer: this.optim });
  }

  /** From a model folder, or from HF-named tensors in checkpoint layout (Linear = [out, in]). */
  async updateWeights(source: string | Map<string, Float32Array>): Promise<void> {
    const tensors = typeof source === 'string' ? (await readModelFolder(source)).weights : null;
    for (const [name, variable] of this.model.params) {
      const data = tensors ? tensors.get(name)?.data : (source as Map<string, Float32Array>).get(name);
      if (!data) continue;
      const hfShape = isStoredTransposed(name) ? [...variable.shape].reverse() : [...variable.shape];
      const value = fromHuggingFaceTensor(name, { shape: hfShape, data });
      variable.assign(value);
      value.dispose();
    }
    this.weightsChanged();
  }

  dispose(): void {
    this.weightsChanged();
    tf.dispose([...this.model.params.values()]);
    disposeAdamWState(this.optimizer);
  }
}
