import { EPSILON } from "../core/score.js";

/**
 * Standard competition ranking ("1, 2, 2, 4") by a score, highest first: equal scores (within the
 * tool's 1e-9 float allowance of the first of their tie) share a rank, and the next rank skips as
 * many places as were shared. Items without a score rank after every scored one, together.
 * Returns the ranks in the order of `scores`.
 */
export function competitionRanks(scores: readonly (number | null)[]): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => compareDesc(scores[a] ?? null, scores[b] ?? null) || a - b);
  const ranks = new Array<number>(scores.length);
  let leader: number | null | undefined;
  let leaderRank = 0;
  order.forEach((i, position) => {
    const s = scores[i] ?? null;
    const tied = position > 0 && (s === null ? leader === null : leader !== null && leader !== undefined && Math.abs(leader - s) <= EPSILON);
    if (!tied) {
      leader = s;
      leaderRank = position + 1;
    }
    ranks[i] = leaderRank;
  });
  return ranks;
}

/** Descending order with nulls last. */
export function compareDesc(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b - a;
}
