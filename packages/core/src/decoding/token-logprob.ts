/**
 * The log-prob of `token` and the entropy of softmax(logits / temperature), in float64: what a
 * policy's `logprobs` gives at that position, computed from the logits generation already has
 * (so a backend can return them from `generate` at the cost of one pass over the vocabulary).
 */
export function tokenLogprob(logits: ArrayLike<number>, token: number, temperature = 1): { logprob: number; entropy: number } {
  if (!(temperature > 0)) throw new RangeError(`tokenLogprob: temperature must be positive, got ${temperature}`);
  if (!Number.isInteger(token) || token < 0 || token >= logits.length) throw new RangeError(`tokenLogprob: token ${token} is outside the ${logits.length} logits`);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]! / temperature);
  // log Z = max + log Σ e^(z − max); entropy = log Z − E_p[z].
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i]! / temperature;
    const e = Math.exp(z - max);
    total += e;
    if (e > 0) weighted += e * z; // a −∞ logit adds nothing (and 0·−∞ would be NaN)
  }
  const logZ = max + Math.log(total);
  return { logprob: logits[token]! / temperature - logZ, entropy: logZ - weighted / total };
}
