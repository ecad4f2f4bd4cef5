/**
 * "Did you mean" hints, bounded so that no input can make them slow (DESIGN.md §7): only inputs and
 * candidates up to {@link MAX_SUGGEST_LENGTH} characters are compared, at most
 * {@link MAX_SUGGEST_CANDIDATES} candidates are looked at, and the edit distance is computed in a
 * band of width 2·limit+1 around the diagonal, so one comparison costs O(length · limit).
 */

/** Ids longer than this get no suggestion (real ids are a few dozen characters). */
export const MAX_SUGGEST_LENGTH = 64;
/** Candidates looked at for one suggestion (a rubric has a few hundred criteria). */
export const MAX_SUGGEST_CANDIDATES = 5_000;

/**
 * Edit distance between two strings (Levenshtein, with an adjacent transposition counted as one
 * edit), or `Infinity` when it exceeds `max`. Only cells within `max` of the diagonal are computed.
 */
export function editDistance(a: string, b: string, max = Math.max(a.length, b.length)): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return Infinity;
  const INF = max + 1;
  // Three rows: i-2, i-1, i (for transpositions). Cells outside the band stay INF.
  let prev2 = new Array<number>(n + 1).fill(INF);
  let prev = new Array<number>(n + 1).fill(INF);
  let row = new Array<number>(n + 1).fill(INF);
  for (let j = 0; j <= Math.min(n, max); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row.fill(INF);
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    if (i <= max) row[0] = i;
    let best = row[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = Math.min(v, INF);
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    [prev2, prev, row] = [prev, row, prev2];
  }
  const d = prev[n]!;
  return d > max ? Infinity : d;
}

/** The closest candidate to `input`, if it is close enough to be a likely misspelling. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGEST_LENGTH) return undefined;
  const list: string[] = [];
  for (const candidate of candidates) {
    if (list.length >= MAX_SUGGEST_CANDIDATES) break;
    if (candidate.length <= MAX_SUGGEST_LENGTH) list.push(candidate);
  }
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    // A candidate is close enough within a third of the longer length (at least 2 edits).
    const limit = Math.max(2, Math.floor(Math.max(input.length, candidate.length) / 3));
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(limit, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  // A criterion id with the right slug but the wrong dimension prefix, or vice versa.
  const tail = lower.split(".").pop() ?? lower;
  for (const candidate of list) if (candidate.toLowerCase().endsWith(`.${tail}`)) return candidate;
  return undefined;
}

/** "did you mean `x`?" or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const match = closest(input, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
