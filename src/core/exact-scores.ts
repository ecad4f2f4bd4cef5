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

/** Dimension scores and the index in exact arithmetic: what ties are decided on. */
export function exactScores(rubric: Rubric, answers: ReadonlyMap<string, Answer>): { dimensions: Map<string, Rational | null>; index: Rational | null } {
  const dimensions = new Map<string, Rational | null>();
  let indexSum = Q.ZERO;
  let indexWeights = Q.ZERO;
  for (const d of rubric.dimensions) {
    let sum = Q.ZERO;
    let weights = Q.ZERO;
    for (const c of d.criteria) {
      const s = exactCriterionScore(c, answers.get(c.id)?.answer ?? { kind: "unanswered" }, rubric.maxLevel);
      if (s === null) continue;
      const w = Q.fromNumber(c.weight);
      sum = Q.add(sum, Q.mul(w, s));
      weights = Q.add(weights, w);
    }
    const score = weights.n === 0n ? null : Q.div(sum, weights);
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
