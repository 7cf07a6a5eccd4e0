/**
 * A weightless graph that turns logits rows into the two numbers RL needs per response
 * token: log p(target) and the entropy of the tempered distribution. Doing this in ORT
 * (vectorised exp/log over a 150k vocabulary, on all cores) is far faster than a JS loop.
 *
 * inputs: logits [N, V] float, targets [N] int64, inv_temperature [] float
 * outputs: logprobs [N], entropy [N]
 */
import { FLOAT, INT64 } from './external-data.js';
import { GraphBuilder } from './graph-builder.js';
import { encodeModel, valueInfo } from './proto.js';

export const SCORER_IO = { logits: 'logits', targets: 'targets', invTemperature: 'inv_temperature', logprobs: 'logprobs', entropy: 'entropy' } as const;

export function buildScorerModel(): Uint8Array {
  const g = new GraphBuilder(null);
  g.inputs.push(valueInfo(SCORER_IO.logits, FLOAT, ['rows', 'vocab']));
  g.inputs.push(valueInfo(SCORER_IO.targets, INT64, ['rows']));
  g.inputs.push(valueInfo(SCORER_IO.invTemperature, FLOAT, []));
  g.outputs.push(valueInfo(SCORER_IO.logprobs, FLOAT, ['rows']));
  g.outputs.push(valueInfo(SCORER_IO.entropy, FLOAT, ['rows']));
  const logSoftmax = g.op1('LogSoftmax', [g.op1('Mul', [SCORER_IO.logits, SCORER_IO.invTemperature])], { axis: -1 });
  const targets = g.op1('Unsqueeze', [SCORER_IO.targets, g.int64Constant([1])]);
  const picked = g.op1('GatherElements', [logSoftmax, targets], { axis: 1 });
  g.op('Squeeze', [picked, g.int64Constant([1])], {}, [SCORER_IO.logprobs]);
  const plogp = g.op1('Mul', [g.op1('Exp', [logSoftmax]), logSoftmax]);
  const sum = g.op1('ReduceSum', [plogp, g.int64Constant([1])], { keepdims: 0 });
  g.op('Neg', [sum], {}, [SCORER_IO.entropy]);
  return encodeModel(g.model('prompt-aug backend-ort scorer'));
}
