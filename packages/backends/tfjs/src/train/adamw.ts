/**
 * AdamW exactly as torch.optim.AdamW (single-tensor path): decoupled weight decay
 * p ← p·(1 − lr·wd) first, then m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + eps).
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '@prompt-aug/plugin-api';
import { FUSED_ADAMW, type FusedAdamWAttrs } from '../engine/wasm-adamw.js';

export interface AdamWState {
  step: number;
  expAvg: Map<string, tf.Variable>;
  expAvgSq: Map<string, tf.Variable>;
}

export function createAdamWState(): AdamWState {
  return { step: 0, expAvg: new Map(), expAvgSq: new Map() };
}

function moment(map: Map<string, tf.Variable>, name: string, like: tf.Tensor): tf.Variable {
  let v = map.get(name);
  if (!v) {
    v = tf.variable(tf.zerosLike(like), false);
    map.set(name, v);
  }
  return v;
}

export function adamWStep(
  state: AdamWState,
  params: Map<string, tf.Variable>,
  grads: Map<string, tf.Tensor>,
  config: OptimizerConfig,
): void {
  state.step += 1;
  const [beta1, beta2] = config.betas;
  const stepSize = config.lr / (1 - Math.pow(beta1, state.step));
  const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, state.step));
  for (const [name, p] of params) {
    const g = grads.get(name);
    if (!g) continue;
    const m = moment(state.expAvg, name, p);
    const v = moment(state.expAvgSq, name, p);
    if (tf.getKernel(FUSED_ADAMW, tf.getBackend())) {
      const attrs: FusedAdamWAttrs = { decay: 1 - config.lr * config.weightDecay, beta1, beta2, stepSize, bc2Sqrt, eps: config.eps };
      const [p1, m1, v1] = tf.engine().runKernel(FUSED_ADAMW, { param: p, grad: g, expAvg: m, expAvgSq: v }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      p.assign(p1!);
      m.assign(m1!);
      v.assign(v1!);
      tf.dispose([p1!, m1!, v1!]);
      continue;
    }
    tf.tidy(() => {
      const decayed = config.weightDecay !== 0 ? tf.mul(p, 1 - config.lr * config.weightDecay) : p;
      const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
      const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const denom = tf.add(tf.div(tf.sqrt(v1), bc2Sqrt), config.eps);
      m.assign(m1);
      v.assign(v1);
      p.assign(tf.sub(decayed, tf.mul(tf.div(m1, denom), stepSize)));
    });
  }
}

export function disposeAdamWState(state: AdamWState): void {
  for (const v of [...state.expAvg.values(), ...state.expAvgSq.values()]) v.dispose();
  state.expAvg.clear();
  state.expAvgSq.clear();
}
