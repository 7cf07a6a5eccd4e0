/**
 * Activation checkpointing for one decoder layer: the forward pass keeps only the layer's
 * input, and the backward pass recomputes the layer under its own gradient tape. Trades one
 * extra forward (≈ +1/3 of the matmul work) for not holding every intermediate of every layer
 * until the backward pass — tfjs' tape otherwise keeps all of them.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '@prompt-aug/core/model';
import type { AttentionContext } from './attention.js';
import { decoderLayer, layerParameterNames } from './decoder-layer.js';
import type { ParameterLookup } from './parameters.js';

export function checkpointedLayer(config: ModelConfig, params: ParameterLookup, layer: number, x: tf.Tensor, ctx: AttentionContext): tf.Tensor {
  const names = layerParameterNames(params, layer);
  const run = (input: tf.Tensor, weights: tf.Tensor[], context: AttentionContext) => {
    const local = new Map(params);
    names.forEach((name, i) => local.set(name, weights[i]!));
    return decoderLayer(config, local, layer, input, context).hidden;
  };
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [input, ...weights] = args.slice(0, -1) as tf.Tensor[];
    // tfjs disposes everything the forward pass created unless a kernel saves it, so the
    // rotary tables and the mask bias are saved alongside the inputs for the recomputation.
    save([input!, ctx.rotary.cos, ctx.rotary.sin, ctx.bias, ...weights]);
    return {
      value: run(input!, weights, ctx),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedInput, cos, sin, bias, ...savedWeights] = saved;
        const context: AttentionContext = { rotary: { cos: cos as tf.Tensor4D, sin: sin as tf.Tensor4D }, bias: bias! };
        // d/d(inputs) of Σ layer(inputs)·dy is the vector-Jacobian product the tape needs.
        // tfjs 4 does not nest gradient computations inside a backward pass: the inner one
        // replaces the engine's active tape and nulls it when done, so the outer tape is put back.
        const engineState = (tf.engine() as unknown as { state: { activeTape: unknown } }).state;
        const outerTape = engineState.activeTape;
        try {
          return tf.grads((...inputs: tf.Tensor[]) => tf.sum(tf.mul(run(inputs[0]!, inputs.slice(1), context), dy)))([savedInput!, ...savedWeights]);
        } finally {
          engineState.activeTape = outerTape;
        }
      },
    };
  });
  return op(x, ...names.map((name) => params.get(name)!));
}
