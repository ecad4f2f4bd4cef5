import { compare, parseKey } from "../core/exact.js";
import { EPSILON } from "../core/score.js";

/**
 * Standard competition ranking ("1, 2, 2, 4") by a score, highest first, and the next rank skips as
 * many places as were shared. A tie is a group of equal scores, never a chain: with `exact` (the
 * scores' exact values as `n/d` keys, see core/exact.ts) equal means equal in exact arithmetic (an
 * index of exactly 0.3 ties another of exactly 0.3 whatever the float noise, and two indices 1e-12
 * apart do not tie); without it (roll-up means), scores within 1e-9 of the first of their group. Items without
 * a score rank after every scored one, together. Returns the ranks in the order of `scores`.
 */
export function competitionRanks(scores: readonly (number | null)[], exact?: readonly (string | null | undefined)[]): number[] {
  const key = (i: number) => exact?.[i] ?? undefined;
  const cmp = (a: number, b: number): number => {
    const sa = scores[a] ?? null;
    const sb = scores[b] ?? null;
    const ka = key(a);
    const kb = key(b);
    // Within float noise, the exact values decide (a total order consistent with the floats').
    if (sa !== null && sb !== null && ka !== undefined && kb !== undefined && Math.abs(sa - sb) <= EPSILON) return compare(parseKey(kb), parseKey(ka));
    return compareDesc(sa, sb);
  };
  // Tied with the first of its group: equal exact values, or (without them) within 1e-9 of that first.
  const tied = (first: number, i: number): boolean => {
    const sf = scores[first] ?? null;
    const si = scores[i] ?? null;
    if (sf === null || si === null) return sf === si;
    const kf = key(first);
    const ki = key(i);
    if (kf !== undefined && ki !== undefined) return cmp(first, i) === 0;
    return Math.abs(sf - si) <= EPSILON;
  };
  const order = scores.map((_, i) => i).sort((a, b) => cmp(a, b) || a - b);
  const ranks = new Array<number>(scores.length);
  let leader: number | undefined;
  let leaderRank = 0;
  order.forEach((i, position) => {
    if (leader === undefined || !tied(leader, i)) {
      leader = i;
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
