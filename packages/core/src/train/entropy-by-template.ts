/**
 * Token-mean entropy of the pre-update policy per template: each template's response tokens
 * pooled (a long response weighs more, as in the overall token mean). The report draws it per
 * template, where a single template's collapse shows before the overall mean moves.
 */
export function entropyByTemplate(entropy: readonly (readonly number[])[], rollouts: readonly { responseIds: readonly number[]; template: { id: string } }[]): Record<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  rollouts.forEach((r, i) => {
    const n = r.responseIds.length;
    const acc = sums.get(r.template.id) ?? { sum: 0, count: 0 };
    for (let k = 0; k < n; k++) acc.sum += entropy[i]![k]!;
    acc.count += n;
    sums.set(r.template.id, acc);
  });
  const out: Record<string, number> = {};
  for (const [id, { sum, count }] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[id] = count ? sum / count : 0;
  return out;
}
