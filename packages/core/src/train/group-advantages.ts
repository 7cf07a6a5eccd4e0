export interface GroupAdvantageOptions {
  /** Divide by the group's standard deviation (GRPO). False gives Dr. GRPO (mean-centred only). */
  normalizeByStd?: boolean;
  /** Added to the standard deviation before dividing (verl: 1e-6). */
  epsilon?: number;
}

/**
 * Group-relative advantages, one scalar per rollout: A_i = (r_i − mean_g) / (std_g + ε) over the
 * rollouts sharing a group id, with the unbiased (n − 1) standard deviation as torch.std computes
 * it. Groups may be scattered through the batch. A group of one keeps its raw reward (verl uses
 * mean 0 and std 1 for it), so a lone rollout still carries its signal.
 */
export function groupAdvantages(
  rewards: readonly number[],
  groupIds: readonly (string | number)[],
  options: GroupAdvantageOptions = {},
): number[] {
  if (rewards.length !== groupIds.length) {
    throw new RangeError(`groupAdvantages: ${rewards.length} rewards but ${groupIds.length} group ids`);
  }
  const normalizeByStd = options.normalizeByStd ?? true;
  const epsilon = options.epsilon ?? 1e-6;
  const members = new Map<string | number, number[]>();
  groupIds.forEach((id, i) => {
    const list = members.get(id);
    if (list) list.push(i);
    else members.set(id, [i]);
  });
  const advantages = new Array<number>(rewards.length);
  for (const indices of members.values()) {
    const n = indices.length;
    let mean = 0;
    let std = 1;
    if (n > 1) {
      mean = indices.reduce((sum, i) => sum + rewards[i]!, 0) / n;
      const squares = indices.reduce((sum, i) => sum + (rewards[i]! - mean) ** 2, 0);
      std = Math.sqrt(squares / (n - 1));
    }
    for (const i of indices) {
      const centred = rewards[i]! - mean;
      advantages[i] = normalizeByStd ? centred / (std + epsilon) : centred;
    }
  }
  return advantages;
}
