/**
 * Log-probs and entropy at temperature, the clipped policy loss with dual clip, KL to a
 * reference and the entropy bonus, with the gradient of the loss w.r.t. the logits — each
 * local derivative follows the tfjs backend's (and so torch's) choices at ties: max/min pass
 * the gradient to their first operand on equality, and a Clip passes it on its closed range.
 */
import type { LossConfig } from '@prompt-aug/plugin-api';
import type { Ops } from './ops.js';
import { TRAIN_IO as IO } from './train-io.js';

export interface LossOutputs {
  loss: string;
  stats: string;
  /** d loss / d (logits / T), [BR, V]. */
  dScaledLogits: string;
}

/** d k(logp, ref) / d logp for the KL estimators of policy-loss.ts (verl's kl_penalty). */
function klAndGrad(o: Ops, logp: string, ref: string, estimator: LossConfig['klEstimator']): { kl: string; grad: string } {
  if (estimator === 'k1') return { kl: o.sub(logp, ref), grad: o.g.op1('Expand', [o.scalar(1), o.g.op1('Shape', [logp])]) };
  if (estimator === 'k2') {
    const diff = o.sub(logp, ref);
    return { kl: o.mul(o.scalar(0.5), o.mul(diff, diff)), grad: diff };
  }
  const raw = o.sub(ref, logp);
  const d = o.clip(raw, -20, 20);
  const e = o.exp(d);
  const k3 = o.sub(o.sub(e, d), o.scalar(1));
  // dk3/dlogp = −(e − 1), passed by both clips.
  const grad = o.mul(o.mul(o.neg(o.sub(e, o.scalar(1))), o.inside(raw, -20, 20)), o.inside(k3, -10, 10));
  return { kl: o.clip(k3, -10, 10), grad };
}

/** `z` [BR, V] (logits at temperature) predict `targets` [B, R]; `batchShape` is the int64 [B, R] shape. */
export function policyLossAndGradient(o: Ops, z: string, batchShape: string, loss: LossConfig): LossOutputs {
  const rows = (t: string) => o.reshapeTo(t, [-1, 1]); // [B, R] → [BR, 1]
  const grid = (t: string) => o.reshape(t, batchShape); // [BR, 1] → [B, R]
  const logSoftmax = o.g.op1('LogSoftmax', [z], { axis: -1 });
  const targets = rows(IO.targets);
  const mask = IO.responseMask;
  const probs = o.exp(logSoftmax);
  const entropyRows = o.neg(o.sum(o.mul(probs, logSoftmax), [1], 1)); // [BR, 1]
  const logp = o.mul(grid(o.g.op1('GatherElements', [logSoftmax, targets], { axis: 1 })), mask);
  const entropy = o.mul(grid(entropyRows), mask);

  const logRatioRaw = o.sub(logp, IO.oldLogprobs);
  const logRatio = o.clip(logRatioRaw, -20, 20);
  const ratio = o.exp(logRatio);
  const negA = o.neg(IO.advantages);
  const unclipped = o.mul(negA, ratio);
  const clipped = o.mul(negA, o.clip(ratio, 1 - loss.clipLow, 1 + loss.clipHigh));
  let pg = o.g.op1('Max', [unclipped, clipped]);
  const firstWins = o.g.op1('GreaterOrEqual', [unclipped, clipped]);
  // d pg / d ratio: −A through the unclipped branch, −A inside the clip range through the clipped one.
  let dPgDRatio = o.mul(negA, o.where(firstWins, o.scalar(1), o.inside(ratio, 1 - loss.clipLow, 1 + loss.clipHigh)));
  const clipActive = o.float(o.g.op1('Greater', [clipped, unclipped]));
  let dualActive = o.scalar(0);
  if (loss.dualClip !== null) {
    const floor = o.mul(negA, o.scalar(loss.dualClip));
    const negative = o.g.op1('Less', [IO.advantages, o.scalar(0)]);
    dualActive = o.float(o.g.op1('And', [o.g.op1('Greater', [pg, floor]), negative]));
    const passes = o.g.op1('Or', [o.g.op1('Not', [negative]), o.g.op1('LessOrEqual', [pg, floor])]);
    dPgDRatio = o.mul(dPgDRatio, o.float(passes));
    pg = o.where(negative, o.g.op1('Min', [pg, floor]), pg);
  }
  let perToken = pg;
  let dLogp = o.mul(o.mul(dPgDRatio, ratio), o.inside(logRatioRaw, -20, 20));
  if (loss.klCoef !== 0) {
    const { kl, grad } = klAndGrad(o, logp, IO.refLogprobs, loss.klEstimator);
    perToken = o.add(perToken, o.mul(o.scalar(loss.klCoef), kl));
    dLogp = o.add(dLogp, o.mul(o.scalar(loss.klCoef), grad));
  }
  if (loss.entropyCoef !== 0) perToken = o.sub(perToken, o.mul(o.scalar(loss.entropyCoef), entropy));
  const total = o.sumAll(o.mul(perToken, IO.lossWeights));

  const tokenSum = (t: string) => o.unsqueeze(o.sumAll(o.mul(t, mask)), [0]);
  const stats = o.g.op1('Concat', [tokenSum(clipActive), tokenSum(dualActive), tokenSum(o.neg(logRatio)), tokenSum(entropy)], { axis: 0 });

  // Back to the logits: the masked log-prob and entropy pass their gradients where mask = 1.
  const weightMask = o.mul(IO.lossWeights, mask);
  const dLogpRows = rows(o.mul(dLogp, weightMask));
  // d logp_target / dz = onehot − p;  d H / dz = −p ⊙ (log p + H). The signs go on the [BR, 1]
  // row factors, not on [BR, V] tensors.
  let dz = o.mul(probs, o.neg(dLogpRows));
  if (loss.entropyCoef !== 0) {
    const dEntropyRows = rows(o.mul(o.scalar(loss.entropyCoef), weightMask));
    dz = o.add(dz, o.mul(o.mul(probs, o.add(logSoftmax, entropyRows)), dEntropyRows));
  }
  return { loss: total, stats, dScaledLogits: o.g.op1('ScatterElements', [dz, targets, dLogpRows], { axis: 1, reduction: 'add' }) };
}
