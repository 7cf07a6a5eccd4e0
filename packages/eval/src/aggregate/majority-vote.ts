export interface Vote {
  sample: number;
  extracted: string | null;
  correct: boolean;
}

export interface MajorityResult {
  /** The winning answer as first written, or null when no sample had an answer. */
  answer: string | null;
  votes: number;
  correct: boolean;
}

/** Answers that differ only in whitespace are the same vote (`\frac{1}{2}` vs `\frac {1}{2}`). */
export function voteKey(extracted: string): string {
  return extracted.replace(/\s+/g, '');
}

/**
 * maj@k for one question: the most frequent extracted answer wins; samples with no answer do
 * not vote. Ties go to the answer whose earliest sample has the lowest sample index, so the
 * result depends only on the samples, never on Map or file order. The winner is correct when
 * its earliest sample was graded correct (equal answers grade alike).
 */
export function majorityVote(votes: readonly Vote[]): MajorityResult {
  const groups = new Map<string, { first: Vote; votes: number }>();
  for (const vote of [...votes].sort((a, b) => a.sample - b.sample)) {
    if (vote.extracted === null) continue;
    const key = voteKey(vote.extracted);
    const group = groups.get(key);
    if (group) group.votes++;
    else groups.set(key, { first: vote, votes: 1 });
  }
  let best: { first: Vote; votes: number } | undefined;
  for (const group of groups.values()) {
    if (!best || group.votes > best.votes || (group.votes === best.votes && group.first.sample < best.first.sample)) best = group;
  }
  return best ? { answer: best.first.extracted, votes: best.votes, correct: best.first.correct } : { answer: null, votes: 0, correct: false };
}
