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
 * A dimension's exact score from whole numbers, when every criterion is answered with a level or
 * yes/no (or not at all) and every weight is a whole number: Σ wᵢ·levelᵢ / (maxLevel · Σ wᵢ), the
 * same fraction as the criterion-by-criterion sum of exactCriterionScore, with one reduction instead
 * of two per criterion. Undefined when that does not apply (a number answer, a fractional weight, a
 * level off 0…maxLevel, a sum past 2⁵³): then the general sum decides.
 */
function wholeDimensionScore(d: Rubric["dimensions"][number], answers: ReadonlyMap<string, Answer>, maxLevel: number): Rational | null | undefined {
  if (!Number.isSafeInteger(maxLevel) || maxLevel <= 0) return undefined;
  let sum = 0;
  let weights = 0;
  for (const c of d.criteria) {
    const w = c.weight;
    if (!Number.isSafeInteger(w) || w < 0) return undefined;
    const answer = answers.get(c.id)?.answer;
    let value: number;
    if (answer === undefined || answer.kind === "unanswered") value = 0;
    else if (answer.kind === "na") continue;
    else if (answer.kind === "boolean") value = answer.value ? maxLevel : 0;
    else if (answer.kind === "level" && Number.isSafeInteger(answer.level) && answer.level >= 0 && answer.level <= maxLevel) value = answer.level;
    else return undefined;
    sum += w * value;
    weights += w;
  }
  if (weights === 0) return null;
  const denominator = weights * maxLevel;
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(denominator)) return undefined;
  return Q.rational(BigInt(sum), BigInt(denominator));
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
