import type { Answer, AnswerValue, Assessment, Narrative } from "./assessment.js";
import type { ClassBandT, Criterion, Dimension, DimensionKind, Rubric } from "./rubric.js";
import type { LocalisedText } from "./text.js";
import { buildRoadmap, type RoadmapStep } from "./roadmap.js";

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
    for (const band of criterion.bands) if (atLeast(value, band.min)) return band.score;
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

/** A gate of a stage, evaluated. */
export interface GateResult {
  dimension: string;
  min: number;
  /** The prerequisite's score; null when it has none (then the gate holds: it is left out). */
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

/** Walks the stages in order: the agency's stage is the last attained one. */
export function stageAttainment(rubric: Rubric, dimensionScores: ReadonlyMap<string, number | null>): { stages: StageResult[]; current: string | null } {
  const stages: StageResult[] = [];
  let current: string | null = null;
  let chainIntact = true;
  for (const d of rubric.dimensions) {
    if (d.kind !== "stage") continue;
    const score = dimensionScores.get(d.id) ?? null;
    const gates: GateResult[] = d.requires.map((g) => {
      const p = dimensionScores.get(g.dimension) ?? null;
      return { dimension: g.dimension, min: g.min, score: p, holds: p === null || atLeast(p, g.min) };
    });
    if (score === null) {
      stages.push({ id: d.id, status: "no-score", gates });
      continue;
    }
    const meets = atLeast(score, d.threshold ?? 0.6);
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

export interface CriterionResult {
  id: string;
  dimension: string;
  type: Criterion["type"];
  weight: number;
  title: LocalisedText;
  status: "answered" | "na" | "unanswered";
  answer: AnswerValue;
  /** null when N/A. */
  score: number | null;
  /** How much the overall index would rise if this criterion alone reached its full score. */
  impact: number;
  evidence: Answer["evidence"];
  notes?: string;
}

export interface DimensionResult {
  id: string;
  kind: DimensionKind;
  title: LocalisedText;
  weight: number;
  score: number | null;
  target: number;
  /** max(0, target − score); null when the dimension has no score. */
  gap: number | null;
  threshold?: number;
  /** Stages only. */
  status?: StageStatus;
  gates: GateResult[];
  counts: { answered: number; na: number; unanswered: number };
  criteria: CriterionResult[];
}

/** One entry of the gap list: a criterion below its full score, with its impact on the index. */
export interface GapItem {
  criterion: string;
  dimension: string;
  score: number;
  impact: number;
}

/** The gap report of one assessment: every number of DESIGN.md §4. */
export interface Report {
  /** The rubric the report was scored with, for renderers' texts (not serialised as such). */
  rubricDef: Rubric;
  rubric: { id: string; version: string; title: LocalisedText; languages: readonly string[]; display: Rubric["display"] };
  agency: Assessment["agency"];
  date?: string;
  assessor?: string;
  language?: string;
  index: number | null;
  classification: { id: string; min: number; label: LocalisedText } | null;
  stage: {
    current: string | null;
    /** The first stage not attained; null when every stage is attained (or the rubric has none). */
    next: string | null;
    /** Gates of the next stage that fail. */
    blockedBy: GateResult[];
    /** How far the next stage's score is below its threshold (0 when it meets it). */
    shortfall: number;
  };
  stages: StageResult[];
  dimensions: DimensionResult[];
  gaps: GapItem[];
  roadmap: RoadmapStep[];
  unanswered: string[];
  /** The consultant's words from the assessment (executive summary, findings per dimension, context). */
  narrative?: Narrative;
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

/** score(rubric, assessment): the whole gap report. Pure. */
export function score(rubric: Rubric, assessment: Assessment): Report {
  const scores = criterionScores(rubric, assessment.answers);
  const dims = dimensionScores(rubric, scores);
  const index = overallIndex(rubric, dims);
  const { stages, current } = stageAttainment(rubric, dims);
  const impacts = criterionImpacts(rubric, scores, dims);
  const unanswered: string[] = [];

  const dimensions: DimensionResult[] = rubric.dimensions.map((d) => {
    const counts = { answered: 0, na: 0, unanswered: 0 };
    const criteria: CriterionResult[] = d.criteria.map((c) => {
      const given = assessment.answers.get(c.id);
      const answer: AnswerValue = given?.answer ?? { kind: "unanswered" };
      const status = answer.kind === "na" ? "na" : answer.kind === "unanswered" ? "unanswered" : "answered";
      counts[status] += 1;
      if (status === "unanswered") unanswered.push(c.id);
      const result: CriterionResult = {
        id: c.id,
        dimension: d.id,
        type: c.type,
        weight: c.weight,
        title: c.title,
        status,
        answer,
        score: scores.get(c.id) ?? null,
        impact: impacts.get(c.id) ?? 0,
        evidence: given?.evidence ?? [],
      };
      if (given?.notes !== undefined) result.notes = given.notes;
      return result;
    });
    const s = dims.get(d.id) ?? null;
    const target = assessment.targets[d.id] ?? d.target;
    const stage = stages.find((st) => st.id === d.id);
    const result: DimensionResult = {
      id: d.id,
      kind: d.kind,
      title: d.title,
      weight: d.weight,
      score: s,
      target,
      gap: s === null ? null : Math.max(0, target - s),
      gates: stage?.gates ?? [],
      counts,
      criteria,
    };
    if (d.threshold !== undefined) result.threshold = d.threshold;
    if (stage !== undefined) result.status = stage.status;
    return result;
  });

  const gaps: GapItem[] = [];
  for (const d of dimensions) for (const c of d.criteria) if (c.score !== null && c.impact > 0) gaps.push({ criterion: c.id, dimension: d.id, score: c.score, impact: c.impact });
  // Stable sort: equal impacts keep the rubric's order.
  gaps.sort((a, b) => b.impact - a.impact);

  const nextStage = stages.find((st) => st.status !== "attained" && st.status !== "no-score") ?? null;
  const nextDim = nextStage ? rubric.dimensions.find((d) => d.id === nextStage.id) : undefined;
  const nextScore = nextStage ? dims.get(nextStage.id) ?? 0 : 0;
  const classification = classify(rubric, index);

  const report: Report = {
    rubricDef: rubric,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title, languages: rubric.languages, display: rubric.display },
    agency: assessment.agency,
    index,
    classification: classification ? { id: classification.id, min: classification.min, label: classification.label } : null,
    stage: {
      current,
      next: nextStage?.id ?? null,
      blockedBy: nextStage ? nextStage.gates.filter((g) => !g.holds) : [],
      shortfall: nextDim && nextScore !== null ? Math.max(0, (nextDim.threshold ?? 0.6) - nextScore) : 0,
    },
    stages,
    dimensions,
    gaps,
    roadmap: buildRoadmap(rubric, assessment, scores),
    unanswered,
  };
  if (assessment.date !== undefined) report.date = assessment.date;
  if (assessment.assessor !== undefined) report.assessor = assessment.assessor;
  if (assessment.language !== undefined) report.language = assessment.language;
  if (assessment.narrative !== undefined) report.narrative = assessment.narrative;
  return report;
}
