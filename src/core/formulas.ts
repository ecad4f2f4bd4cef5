import type { Answer, AnswerValue } from "./assessment.js";
import type { ClassBandT, Criterion, Dimension, Rubric } from "./rubric.js";

/**
 * The score formulas of DESIGN.md §4, once: criterion, dimension, index, classification, impact. Stages
 * and gates are in stages.ts, the same formulas in exact arithmetic in exact-scores.ts. `score.ts`
 * assembles the report from them; `roadmap.ts` re-runs them.
 */

/** A stage's threshold when the rubric does not set one (DESIGN.md §2: `threshold`, default 0.6). */
export const DEFAULT_THRESHOLD = 0.6;

/** The score at which a stage is attained: its `threshold`, else the default. The one place the default applies. */
export function stageThreshold(stage: { readonly threshold?: number | undefined }): number {
  return stage.threshold ?? DEFAULT_THRESHOLD;
}

/**
 * The values that score 0 and 1 under a number criterion's linear scoring (before `direction`). A
 * checked rubric always sets both (NUMBER_SCORING_MISSING); the fallbacks are the unit interval.
 */
export function linearSpan(criterion: Pick<Criterion, "min" | "max">): { min: number; max: number } {
  return { min: criterion.min ?? 0, max: criterion.max ?? 1 };
}

/**
 * Float noise allowance for "at or above" comparisons (thresholds, gates, bands): a score that is
 * 0.6 in exact arithmetic but 0.5999999999999999 in binary floating point still attains 0.6.
 */
export const EPSILON = 1e-9;

/** a ≥ b, allowing for floating-point noise. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - EPSILON;
}

/** Criterion score: level → value / highest scale value; boolean → 1 or 0; number → linear or band score; N/A → null; unanswered → 0. */
export function criterionScore(criterion: Criterion, answer: AnswerValue, maxLevel: number): number | null {
  switch (answer.kind) {
    case "na":
      return null;
    case "unanswered":
      return 0;
    case "level":
      return clamp(answer.level / maxLevel);
    case "boolean":
      return answer.value ? 1 : 0;
    case "number":
      return numberScore(criterion, answer.value);
  }
}

/** The score of a measured value: linear between min and max (inverted for `lower`), or the first band at or below it. */
export function numberScore(criterion: Criterion, value: number): number {
  if (criterion.bands !== undefined) {
    // A typed value is compared with a band's minimum exactly (no float allowance).
    for (const band of criterion.bands) if (value >= band.min) return band.score;
    return 0;
  }
  const { min, max } = linearSpan(criterion);
  const linear = clamp((value - min) / (max - min));
  return criterion.direction === "lower" ? 1 - linear : linear;
}

/** The highest score a criterion can reach: 1, or its top band's score. */
export function fullScore(criterion: Criterion): number {
  if (criterion.bands === undefined) return 1;
  let top = 0;
  for (const band of criterion.bands) if (band.score > top) top = band.score;
  return top;
}

function clamp(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** A dimension's target in the gap report: the assessment's `targets`, else the rubric's (DESIGN.md §4). */
export function dimensionTarget(dimension: Pick<Dimension, "id" | "target">, targets: Readonly<Record<string, number>>): number {
  return targets[dimension.id] ?? dimension.target;
}

/** Scores of every criterion by id: a number, or null for N/A. */
export type ScoreMap = ReadonlyMap<string, number | null>;

/** D = Σ wᵢ·sᵢ / Σ wᵢ over the criteria that are not N/A; null when all are N/A. */
export function dimensionScore(dimension: Dimension, scores: ScoreMap): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of dimension.criteria) {
    const given = scores.get(c.id);
    if (given === null) continue; // N/A: left out
    const s = given ?? 0;
    weighted += c.weight * s;
    weights += c.weight;
  }
  return weights === 0 ? null : weighted / weights;
}

/** I = Σ Wd·Dd / Σ Wd over the dimensions that have a score; null when none has. */
export function overallIndex(rubric: Rubric, dimensionScores: ReadonlyMap<string, number | null>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const d of rubric.dimensions) {
    const s = dimensionScores.get(d.id);
    if (s === null || s === undefined) continue;
    weighted += d.weight * s;
    weights += d.weight;
  }
  return weights === 0 ? null : weighted / weights;
}

/** The first band (highest `min` first) with I ≥ min; null without bands or without an index. */
export function classify(rubric: Rubric, index: number | null): ClassBandT | null {
  if (index === null) return null;
  for (const band of rubric.classification) if (atLeast(index, band.min)) return band;
  return null;
}

/** Scores of every criterion of the rubric for an assessment's answers. */
export function criterionScores(rubric: Rubric, answers: ReadonlyMap<string, Answer>): Map<string, number | null> {
  const scores = new Map<string, number | null>();
  for (const c of rubric.criteria.values()) {
    scores.set(c.id, criterionScore(c, answers.get(c.id)?.answer ?? { kind: "unanswered" }, rubric.maxLevel));
  }
  return scores;
}

/** Dimension scores by id. */
export function dimensionScores(rubric: Rubric, scores: ScoreMap): Map<string, number | null> {
  return new Map(rubric.dimensions.map((d) => [d.id, dimensionScore(d, scores)]));
}

/** Impact of every criterion: the rise of I if it alone reached its full score (0 for N/A). */
export function criterionImpacts(rubric: Rubric, scores: ScoreMap, dims: ReadonlyMap<string, number | null>): Map<string, number> {
  let indexWeights = 0;
  for (const d of rubric.dimensions) if (dims.get(d.id) !== null) indexWeights += d.weight;
  const impacts = new Map<string, number>();
  for (const d of rubric.dimensions) {
    let weights = 0;
    for (const c of d.criteria) if (scores.get(c.id) !== null) weights += c.weight;
    for (const c of d.criteria) {
      const s = scores.get(c.id);
      impacts.set(c.id, s === null || s === undefined || weights === 0 ? 0 : (d.weight * c.weight * Math.max(0, fullScore(c) - s)) / weights / indexWeights);
    }
  }
  return impacts;
}


/**
 * The lowest answer to a criterion whose score reaches `min` (what a criterion gate asks for, in the
 * criterion's own terms): yes; the lowest scale level; for linear number scoring the value that scores
 * `min`. Null when it cannot be stated as one answer (band scoring, or `min` 0 on a yes/no criterion).
 */
export function requiredAnswer(rubric: Rubric, criterion: Criterion, min: number): AnswerValue | null {
  if (criterion.type === "boolean") return min > 0 ? { kind: "boolean", value: true } : null;
  if (criterion.type === "level") {
    const step = rubric.scale.find((s) => atLeast(s.value / rubric.maxLevel, min));
    return step ? { kind: "level", level: step.value } : null;
  }
  if (criterion.bands !== undefined || criterion.min === undefined || criterion.max === undefined) return null;
  const span = criterion.max - criterion.min;
  const value = criterion.direction === "lower" ? criterion.max - min * span : criterion.min + min * span;
  return { kind: "number", value: Number(value.toPrecision(12)) };
}
