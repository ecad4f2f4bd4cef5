import { compare, parseKey, type Rational } from "../core/exact.js";
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
  const exactOf = exact && ((i: number) => {
    const k = exact[i];
    return k === null || k === undefined ? undefined : parseKey(k);
  });
  return Array.from(rankRows(scores.length, (i) => scores[i] ?? null, exactOf));
}

/**
 * {@link competitionRanks} of `count` items read through functions (a column store's rows): `score`
 * of an item, and its exact value, when known.
 */
export function rankRows(count: number, score: (i: number) => number | null, exact?: (i: number) => Rational | undefined): Int32Array {
  const cmp = (a: number, b: number): number => {
    const sa = score(a);
    const sb = score(b);
    // Within float noise, the exact values decide (a total order consistent with the floats').
    if (sa !== null && sb !== null && exact !== undefined && Math.abs(sa - sb) <= EPSILON) {
      const ka = exact(a);
      const kb = exact(b);
      if (ka !== undefined && kb !== undefined) return compare(kb, ka);
    }
    return compareDesc(sa, sb);
  };
  // Tied with the first of its group: equal exact values, or (without them) within 1e-9 of that first.
  const tied = (first: number, i: number): boolean => {
    const sf = score(first);
    const si = score(i);
    if (sf === null || si === null) return sf === si;
    if (exact !== undefined && exact(first) !== undefined && exact(i) !== undefined) return cmp(first, i) === 0;
    return Math.abs(sf - si) <= EPSILON;
  };
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => cmp(a, b) || a - b);
  const ranks = new Int32Array(count);
  let leader = -1;
  let leaderRank = 0;
  order.forEach((i, position) => {
    if (leader < 0 || !tied(leader, i)) {
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
