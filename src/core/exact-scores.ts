import type { Answer, AnswerValue } from "./assessment.js";
import type { Criterion, Rubric } from "./rubric.js";
import * as Q from "./exact.js";
import type { Rational } from "./exact.js";
import { EPSILON, linearSpan } from "./formulas.js";

/**
 * The formulas of formulas.ts in exact arithmetic (exact.ts), for what DESIGN.md §4 decides on equality:
 * rank ties and the weakest dimension.
 */

/** A criterion's score in exact arithmetic (see exact.ts); null for N/A. The same formula as criterionScore. */
export function exactCriterionScore(criterion: Criterion, answer: AnswerValue, maxLevel: number): Rational | null {
  switch (answer.kind) {
    case "na":
      return null;
    case "unanswered":
      return Q.ZERO;
    case "level":
      return Q.clampUnit(Q.rational(BigInt(answer.level), BigInt(maxLevel)));
    case "boolean":
      return answer.value ? Q.ONE : Q.ZERO;
    case "number": {
      if (criterion.bands !== undefined) {
        for (const band of criterion.bands) if (answer.value >= band.min) return Q.fromNumber(band.score);
        return Q.ZERO;
      }
      const span = linearSpan(criterion);
      const min = Q.fromNumber(span.min);
      const linear = Q.clampUnit(Q.div(Q.sub(Q.fromNumber(answer.value), min), Q.sub(Q.fromNumber(span.max), min)));
      return criterion.direction === "lower" ? Q.sub(Q.ONE, linear) : linear;
    }
  }
}

/**
 * A dimension's exact score from whole numbers, when every criterion's score is a fraction of whole
 * numbers (a level, yes/no, no answer, a band whose score is a decimal, a whole number on a span of
 * whole numbers) and every weight is a whole number: Σ wᵢ·scoreᵢ / Σ wᵢ over a common denominator,
 * the same fraction as the criterion-by-criterion sum of exactCriterionScore, with one reduction
 * instead of two per criterion. Undefined when that does not apply (a fractional weight or value, a
 * level off 0…maxLevel, a number past 2⁵³ anywhere): then the general sum decides.
 */
function wholeDimensionScore(d: Rubric["dimensions"][number], answers: ReadonlyMap<string, Answer>, maxLevel: number): Rational | null | undefined {
  const parts = wholeDimensionParts(d, answers, maxLevel);
  return parts === undefined || parts === null ? parts : Q.rational(BigInt(parts.sum), BigInt(parts.denominator));
}

/** The last criterion score `wholeCriterionScore` found: termNumerator / termDenominator. */
let termNumerator = 0;
let termDenominator = 1;
const TERM = 0;
const TERM_NA = 1;
const NOT_WHOLE = 2;

/** Band scores as whole numerator and denominator (the decimal they are written as), read once. Bounded. */
const bandScores = new Map<number, readonly [number, number] | undefined>();
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function wholeBandScore(x: number): readonly [number, number] | undefined {
  if (bandScores.has(x)) return bandScores.get(x);
  const score = Q.fromNumber(x);
  const whole = score.n < 0n || score.n > MAX_SAFE || score.d > MAX_SAFE ? undefined : ([Number(score.n), Number(score.d)] as const);
  if (bandScores.size >= 4096) bandScores.clear();
  bandScores.set(x, whole);
  return whole;
}

/** A criterion's exact score as whole numbers (into termNumerator / termDenominator, unreduced), N/A, or not whole. */
function wholeCriterionScore(criterion: Criterion, answer: AnswerValue | undefined, maxLevel: number): number {
  termDenominator = 1;
  if (answer === undefined || answer.kind === "unanswered") termNumerator = 0;
  else if (answer.kind === "na") return TERM_NA;
  else if (answer.kind === "boolean") termNumerator = answer.value ? 1 : 0;
  else if (answer.kind === "level") {
    if (!Number.isSafeInteger(answer.level) || answer.level < 0 || answer.level > maxLevel) return NOT_WHOLE;
    termNumerator = answer.level;
    termDenominator = maxLevel;
  } else if (criterion.bands !== undefined) {
    termNumerator = 0;
    for (const band of criterion.bands) {
      if (answer.value >= band.min) {
        const score = wholeBandScore(band.score);
        if (score === undefined) return NOT_WHOLE;
        termNumerator = score[0];
        termDenominator = score[1];
        break;
      }
    }
  } else {
    const { min, max } = linearSpan(criterion);
    const v = answer.value;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min || !Number.isSafeInteger(max - min)) return NOT_WHOLE;
    // clampUnit((v − min) / (max − min)), then 1 − it for a criterion where lower is better.
    const span = max - min;
    const above = v <= min ? 0 : v >= max ? span : v - min;
    termNumerator = criterion.direction === "lower" ? span - above : above;
    termDenominator = span;
  }
  return TERM;
}

/** The whole numbers of {@link wholeDimensionScore}, unreduced: null when every criterion is N/A. */
function wholeDimensionParts(d: Rubric["dimensions"][number], answers: ReadonlyMap<string, Answer>, maxLevel: number): { sum: number; denominator: number } | null | undefined {
  if (!Number.isSafeInteger(maxLevel) || maxLevel <= 0) return undefined;
  // Σ wᵢ·scoreᵢ as sum / common, every product checked: past 2⁵³ a float is no longer exact.
  let sum = 0;
  let common = 1;
  let weights = 0;
  for (const c of d.criteria) {
    const w = c.weight;
    if (!Number.isSafeInteger(w) || w < 0) return undefined;
    const kind = wholeCriterionScore(c, answers.get(c.id)?.answer, maxLevel);
    if (kind === TERM_NA) continue;
    if (kind === NOT_WHOLE) return undefined;
    if (termDenominator !== common) {
      const next = (common / gcdOf(common, termDenominator)) * termDenominator;
      sum *= next / common;
      common = next;
    }
    const weighted = w * termNumerator;
    const term = weighted * (common / termDenominator);
    sum += term;
    weights += w;
    if (!Number.isSafeInteger(common) || !Number.isSafeInteger(weighted) || !Number.isSafeInteger(term) || !Number.isSafeInteger(sum) || !Number.isSafeInteger(weights)) return undefined;
  }
  if (weights === 0) return null;
  const denominator = common * weights;
  if (!Number.isSafeInteger(denominator)) return undefined;
  return { sum, denominator };
}

function gcdOf(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The exact index alone, what a batch ranks ties on: the same fraction as `exactScores(…).index`. When
 * every dimension takes the whole-number path and every dimension weight is a whole number, it is one
 * fraction of whole numbers, Σ Wd·scored / Σ Wd over the dimensions' common denominator, reduced
 * once: no BigInt arithmetic per dimension (a batch scores every agency's index). Past 2⁵³ anywhere,
 * or on any other answer or weight, `exactScores` decides.
 */
export function exactIndexOf(rubric: Rubric, answers: ReadonlyMap<string, Answer>): Rational | null {
  // Σ Wd·scored as sum / common, every product checked (as in wholeDimensionParts).
  let sum = 0;
  let common = 1;
  let weights = 0;
  for (const d of rubric.dimensions) {
    const whole = wholeDimensionParts(d, answers, rubric.maxLevel);
    const w = d.weight;
    if (whole === undefined || !Number.isSafeInteger(w) || w < 0) return exactScores(rubric, answers).index;
    if (whole === null) continue;
    if (whole.denominator !== common) {
      const next = (common / gcdOf(common, whole.denominator)) * whole.denominator;
      sum *= next / common;
      common = next;
    }
    const weighted = w * whole.sum;
    const term = weighted * (common / whole.denominator);
    sum += term;
    weights += w;
    if (!Number.isSafeInteger(common) || !Number.isSafeInteger(weighted) || !Number.isSafeInteger(term) || !Number.isSafeInteger(sum) || !Number.isSafeInteger(weights)) return exactScores(rubric, answers).index;
  }
  if (weights === 0) return null;
  const denominator = common * weights;
  if (!Number.isSafeInteger(denominator)) return exactScores(rubric, answers).index;
  const g = gcdOf(sum, denominator);
  return { n: BigInt(sum / g), d: BigInt(denominator / g) };
}

/** A dimension's exact score, criterion by criterion (any answer, any weight). */
function summedDimensionScore(d: Rubric["dimensions"][number], answers: ReadonlyMap<string, Answer>, maxLevel: number): Rational | null {
  let sum = Q.ZERO;
  let weights = Q.ZERO;
  for (const c of d.criteria) {
    const s = exactCriterionScore(c, answers.get(c.id)?.answer ?? { kind: "unanswered" }, maxLevel);
    if (s === null) continue;
    const w = Q.fromNumber(c.weight);
    sum = Q.add(sum, Q.mul(w, s));
    weights = Q.add(weights, w);
  }
  return weights.n === 0n ? null : Q.div(sum, weights);
}

/** Dimension scores and the index in exact arithmetic: what ties are decided on. */
export function exactScores(rubric: Rubric, answers: ReadonlyMap<string, Answer>): { dimensions: Map<string, Rational | null>; index: Rational | null } {
  return exactIndex(rubric, (d) => {
    const whole = wholeDimensionScore(d, answers, rubric.maxLevel);
    return whole !== undefined ? whole : summedDimensionScore(d, answers, rubric.maxLevel);
  });
}

/** The same as {@link exactScores}, every dimension summed criterion by criterion: the reference the whole-number path is tested against. */
export function exactScoresSummed(rubric: Rubric, answers: ReadonlyMap<string, Answer>): { dimensions: Map<string, Rational | null>; index: Rational | null } {
  return exactIndex(rubric, (d) => summedDimensionScore(d, answers, rubric.maxLevel));
}

function exactIndex(rubric: Rubric, dimensionScore: (d: Rubric["dimensions"][number]) => Rational | null): { dimensions: Map<string, Rational | null>; index: Rational | null } {
  const dimensions = new Map<string, Rational | null>();
  let indexSum = Q.ZERO;
  let indexWeights = Q.ZERO;
  for (const d of rubric.dimensions) {
    const score = dimensionScore(d);
    dimensions.set(d.id, score);
    if (score === null) continue;
    const w = Q.fromNumber(d.weight);
    indexSum = Q.add(indexSum, Q.mul(w, score));
    indexWeights = Q.add(indexWeights, w);
  }
  return { dimensions, index: indexWeights.n === 0n ? null : Q.div(indexSum, indexWeights) };
}

/**
 * The weakest dimension: the lowest score, the first in rubric order on a tie. Scores within float
 * noise of each other are compared in exact arithmetic (two dimensions that are both 1/5 tie).
 */
export function weakestDimension(rubric: Rubric, dims: ReadonlyMap<string, number | null>, answers: ReadonlyMap<string, Answer>): string | null {
  let weakest: string | null = null;
  let low = Infinity;
  let exact: Map<string, Rational | null> | undefined;
  for (const d of rubric.dimensions) {
    const s = dims.get(d.id) ?? null;
    if (s === null) continue;
    let lower = s < low;
    if (weakest !== null && Math.abs(s - low) <= EPSILON) {
      exact ??= exactScores(rubric, answers).dimensions;
      lower = Q.compare(exact.get(d.id) ?? Q.ZERO, exact.get(weakest) ?? Q.ZERO) < 0;
    }
    if (lower) {
      weakest = d.id;
      low = s;
    }
  }
  return weakest;
}
