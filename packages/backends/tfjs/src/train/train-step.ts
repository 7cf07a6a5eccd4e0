/**
 * One optimizer step over a batch of rollouts: per micro-batch forward + loss + backward with
 * gradients summed across micro-batches (loss weights are global, so the sum equals one big
 * batch), global-norm clipping, then AdamW — skipped when the gradient norm is not finite.
 */
import * as tf from '@tensorflow/tfjs';
import { trainStepStats, type LossConfig, type OptimizerConfig, type TrainStepInput, type TrainStepStats } from '@prompt-aug/plugin-api';
import type { Model } from '../model/forward.js';
import { responseTokenStats } from '../score/response-logprobs.js';
import { adamWStep, type AdamWState } from './adamw.js';
import { clipGradients, globalGradNorm } from './grad-clip.js';
import { aggregationWeights } from '@prompt-aug/plugin-api';
import { policyLoss } from './policy-loss.js';

export interface Trainer {
  model: Model;
  optimizer: AdamWState;
  loss: LossConfig;
  optim: OptimizerConfig;
  /** Recompute each layer in the backward pass instead of keeping its activations. */
  checkpointLayers?: boolean;
}

function rows<T>(xs: T[], start: number, end: number): T[] {
  return xs.slice(start, end);
}

/** Sums the gradients of every micro-batch; returns them with the summed statistics. */
export function accumulateGradients(trainer: Trainer, input: TrainStepInput) {
  const B = input.responseIds.length;
  const R = input.responseIds[0]?.length ?? 0;
  const weights = aggregationWeights(input.responseMask, trainer.loss.aggregation);
  const micro = Math.max(1, Math.min(input.microBatchSize ?? B, B));
  const grads = new Map<string, tf.Tensor>();
  const sums = { loss: 0, clipped: 0, dual: 0, kl: 0, entropy: 0 };
  for (let start = 0; start < B; start += micro) {
    const end = Math.min(start + micro, B);
    const n = end - start;
    const part = (xs: number[][]) => tf.tensor2d(rows(xs, start, end).flat(), [n, R]);
    const { value, grads: g } = tf.variableGrads(() => {
      const stats = responseTokenStats(
        trainer.model,
        {
          promptIds: rows(input.promptIds, start, end),
          promptMask: rows(input.promptMask, start, end),
          responseIds: rows(input.responseIds, start, end),
          responseMask: rows(input.responseMask, start, end),
        },
        input.temperature ?? 1,
        undefined,
        { checkpointLayers: trainer.checkpointLayers },
      );
      const parts = policyLoss(
        {
          logprobs: stats.logprobs,
          entropy: stats.entropy,
          oldLogprobs: part(input.oldLogprobs),
          advantages: tf.tensor2d(rows(input.advantages, start, end), [n, 1]),
          mask: part(input.responseMask),
          weights: part(weights),
          refLogprobs: input.refLogprobs ? part(input.refLogprobs) : undefined,
          tokenWeights: input.tokenWeights ? part(input.tokenWeights) : undefined,
        },
        trainer.loss,
      );
      const [clipped, dual, kl, entropy] = tf.stack([parts.clippedTokens, parts.dualClippedTokens, parts.klSum, parts.entropySum]).dataSync();
      sums.clipped += clipped!;
      sums.dual += dual!;
      sums.kl += kl!;
      sums.entropy += entropy!;
      return parts.loss;
    }, [...trainer.model.params.values()]);
    sums.loss += value.dataSync()[0]!;
    value.dispose();
    // variableGrads keys by the variables' (auto-generated) names; map back to HF names.
    for (const [hfName, variable] of trainer.model.params) {
      const grad = g[variable.name];
      if (!grad) continue;
      const previous = grads.get(hfName);
      grads.set(hfName, previous ? tf.add(previous, grad) : grad);
      if (previous) tf.dispose([previous, grad]);
    }
  }
  return { grads, sums };
}

export function trainStep(trainer: Trainer, input: TrainStepInput): TrainStepStats {
  const { grads, sums } = accumulateGradients(trainer, input);
  const gradNorm = globalGradNorm(grads);
  const applied = Number.isFinite(gradNorm);
  if (applied) {
    clipGradients(grads, gradNorm, trainer.optim.gradClip);
    adamWStep(trainer.optimizer, trainer.model.params, grads, trainer.optim);
  }
  tf.dispose([...grads.values()]);
  return trainStepStats(input, sums, gradNorm, applied);
}
