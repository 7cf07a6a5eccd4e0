/** Turns an updateWeights source (a model folder, or name -> float32 data) into checked weights. */
import { UserError } from '@prompt-aug/core';
import { checkModelWeights, modelWeightShapes, readModelWeights, type ModelConfig } from '@prompt-aug/core/model';
import type { WeightMap } from '../onnx/decoder-config.js';

export async function weightsFromSource(config: ModelConfig, source: string | Map<string, Float32Array>): Promise<WeightMap> {
  if (typeof source === 'string') {
    const weights = await readModelWeights(source);
    checkModelWeights(config, weights, source);
    return weights;
  }
  const shapes = modelWeightShapes(config);
  const problems: string[] = [];
  const weights: WeightMap = new Map();
  for (const [name, shape] of shapes) {
    const data = source.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!data) problems.push(`missing ${name}`);
    else if (data.length !== size) problems.push(`${name} has ${data.length} values, expected ${size} ([${shape.join(', ')}])`);
    else weights.set(name, { shape, data });
  }
  for (const name of source.keys()) if (!shapes.has(name)) problems.push(`unknown weight ${name}`);
  if (problems.length > 0) {
    throw new UserError(
      `updateWeights needs every weight of the model by its Hugging Face name, as float32 in PyTorch layout: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}. Send the full state dict (or a saved model folder).`,
      'PA_ORT_BAD_WEIGHTS',
    );
  }
  return weights;
}
