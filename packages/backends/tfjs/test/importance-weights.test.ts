import * as tf from '@tensorflow/tfjs';
import { DEFAULT_LOSS } from '@prompt-aug/plugin-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyLoss } from '../src/train/policy-loss.js';
import { useWasm } from './helpers/engine.js';

beforeAll(useWasm);

/**
 * A 2-sequence batch worked by hand. Old log-probs o = [[-1, -2], [-0.5, -1]]; the current
 * policy is 0.1 higher everywhere, so every ratio is r = e^0.1 = 1.10517 (inside the clip range
 * [0.8, 1.28], dual clip 3 not reached). Advantages +1 and −1, token-mean over 4 tokens (w = 1/4).
 * TIS weights (cap 2) from engine log-probs [[-1.5, -2], [-0.5, -3]]: [[e^0.5, 1], [1, 2]].
 *   per-token pg = −A·r·tis:  [[−r·e^0.5, −r], [r, 2r]]
 *   loss = (r/4)·(−e^0.5 − 1 + 1 + 2) = r·(2 − e^0.5)/4 = 0.0970557589
 *   ∂loss/∂logp = ∂(−A·r)/∂logp · tis/4 = −A·r·tis/4: [[−0.4555297001, −0.2762927295], [0.2762927295, 0.5525854590]]
 */
describe('TIS-weighted policy loss on a hand-worked 2-sequence batch', () => {
  const old = [[-1, -2], [-0.5, -1]];
  const tis = [[Math.exp(0.5), 1], [1, 2]];
  const run = (tokenWeights?: number[][]) => {
    const logprobs = tf.variable(tf.tensor2d(old.map((row) => row.map((v) => v + 0.1))));
    const inputs = (lp: tf.Tensor) => ({
      logprobs: lp,
      entropy: tf.zeros([2, 2]),
      oldLogprobs: tf.tensor2d(old),
      advantages: tf.tensor2d([[1], [-1]]),
      mask: tf.ones([2, 2]),
      weights: tf.fill([2, 2], 0.25),
      ...(tokenWeights ? { tokenWeights: tf.tensor2d(tokenWeights) } : {}),
    });
    const { value, grads } = tf.variableGrads(() => policyLoss(inputs(logprobs), DEFAULT_LOSS).loss, [logprobs]);
    const result = { loss: value.dataSync()[0]!, grad: (grads[logprobs.name]!.arraySync() as number[][]) };
    tf.dispose([value, logprobs, ...Object.values(grads)]);
    return result;
  };

  it('loss and gradient with the TIS weights', () => {
    const { loss, grad } = run(tis);
    expect(loss).toBeCloseTo(0.0970557589, 6);
    const expected = [[-0.4555297001, -0.2762927295], [0.2762927295, 0.552585459]];
    grad.forEach((row, b) => row.forEach((g, t) => expect(g).toBeCloseTo(expected[b]![t]!, 6)));
  });

  it('without weights the same batch gives r·(−1 − 1 + 1 + 1)/4 = 0 and gradient −A·r/4', () => {
    const { loss, grad } = run();
    expect(loss).toBeCloseTo(0, 6);
    const r = Math.exp(0.1);
    grad.forEach((row, b) => row.forEach((g) => expect(g).toBeCloseTo((b === 0 ? -r : r) / 4, 6)));
  });
});
