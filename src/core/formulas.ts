import type { Answer, AnswerValue } from "./assessment.js";
import type { ClassBandT, Criterion, Dimension, Rubric } from "./rubric.js";
import * as Q from "./exact.js";
import type { Rational } from "./exact.js";

/**
 * Every formula of DESIGN.md §4, once: criterion, dimension, index, classification, gates and stage
 * attainment, impact. `score.ts` assembles the report from them; `roadmap.ts` re-runs them.
 */

/** A stage's threshold when the rubric does not set one. */
export const DEFAULT_THRESHOLD = 0.6;

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
  const min = criterion.min ?? 0;
  const max = criterion.max ?? 1;
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

/** A gate of a stage, evaluated: a prerequisite dimension's score, or one criterion's score. */
export type GateResult = DimensionGateResult | CriterionGateResult;

export interface DimensionGateResult {
  dimension: string;
  min: number;
  /** The prerequisite's score; null when it has none (then the gate holds: it is left out). */
  score: number | null;
  holds: boolean;
}

export interface CriterionGateResult {
  criterion: string;
  min: number;
  /** The criterion's score; null when N/A (then the gate holds); 0 when unanswered (then it fails). */
  score: number | null;
  holds: boolean;
}

/**
 * attained: score ≥ threshold, gates hold, previous attained. blocked: score ≥ threshold but a gate fails.
 * below-threshold: score < threshold. not-reached: threshold and gates met, but an earlier stage is not attained.
 * no-score: every criterion N/A; the stage is left out of the ladder.
 */
export type StageStatus = "attained" | "blocked" | "below-threshold" | "not-reached" | "no-score";

export interface StageResult {
  id: string;
  status: StageStatus;
  gates: GateResult[];
}

/**
 * The gates of a stage, evaluated. A dimension gate holds when the prerequisite's score ≥ min or it
 * has none; a criterion gate holds when the criterion's score ≥ min or it is N/A; unanswered fails.
 */
export function evaluateGates(stage: Dimension, dims: ReadonlyMap<string, number | null>, scores: ScoreMap, unanswered: ReadonlySet<string>): GateResult[] {
  return stage.requires.map((g): GateResult => {
    if ("criterion" in g) {
      const s = scores.get(g.criterion);
      const score = s === undefined ? 0 : s;
      const holds = score === null || (!unanswered.has(g.criterion) && atLeast(score, g.min));
      return { criterion: g.criterion, min: g.min, score, holds };
    }
    const p = dims.get(g.dimension) ?? null;
    return { dimension: g.dimension, min: g.min, score: p, holds: p === null || atLeast(p, g.min) };
  });
}

/** Walks the stages in order: the agency's stage is the last attained one. */
export function stageAttainment(
  rubric: Rubric,
  dimensionScores: ReadonlyMap<string, number | null>,
  scores: ScoreMap,
  unanswered: ReadonlySet<string> = new Set(),
): { stages: StageResult[]; current: string | null } {
  const stages: StageResult[] = [];
  let current: string | null = null;
  let chainIntact = true;
  for (const d of rubric.dimensions) {
    if (d.kind !== "stage") continue;
    const score = dimensionScores.get(d.id) ?? null;
    const gates = evaluateGates(d, dimensionScores, scores, unanswered);
    if (score === null) {
      stages.push({ id: d.id, status: "no-score", gates });
      continue;
    }
    const meets = atLeast(score, d.threshold ?? DEFAULT_THRESHOLD);
    const gatesHold = gates.every((g) => g.holds);
    let status: StageStatus;
    if (!meets) status = "below-threshold";
    else if (!gatesHold) status = "blocked";
    else if (!chainIntact) status = "not-reached";
    else status = "attained";
    if (status === "attained") current = d.id;
    else chainIntact = false;
    stages.push({ id: d.id, status, gates });
  }
  return { stages, current };
}

/** The criteria without an answer (not N/A, not answered): they fail a criterion gate. */
export function unansweredIds(rubric: Rubric, answers: ReadonlyMap<string, Answer>): Set<string> {
  const ids = new Set<string>();
  for (const c of rubric.criteria.values()) if ((answers.get(c.id)?.answer.kind ?? "unanswered") === "unanswered") ids.add(c.id);
  return ids;
}

/**
 * What a stage's next step is about: `blockedBy` are the failing gates of a stage that meets its
 * threshold (it is *blocked*); `pendingGates` the failing gates of a stage below its threshold (they
 * would still hold it once its score is reached). DESIGN.md §4: "blocked" names the first case only.
 */
export function gateOutcome(stage: StageResult | null): { blockedBy: GateResult[]; pendingGates: GateResult[] } {
  const failing = stage ? stage.gates.filter((g) => !g.holds) : [];
  if (stage?.status === "blocked") return { blockedBy: failing, pendingGates: [] };
  if (stage?.status === "below-threshold") return { blockedBy: [], pendingGates: failing };
  return { blockedBy: [], pendingGates: [] };
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
      const min = Q.fromNumber(criterion.min ?? 0);
      const linear = Q.clampUnit(Q.div(Q.sub(Q.fromNumber(answer.value), min), Q.sub(Q.fromNumber(criterion.max ?? 1), min)));
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
