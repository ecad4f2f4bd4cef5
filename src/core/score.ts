import type { Answer, AnswerValue, Assessment, Narrative } from "./assessment.js";
import type { Criterion, DimensionKind, Rubric } from "./rubric.js";
import type { LocalisedText } from "./text.js";
import { buildRoadmap, type RoadmapStep } from "./roadmap.js";
import { classify, criterionImpacts, criterionScores, dimensionScores, dimensionTarget, stageThreshold, overallIndex } from "./formulas.js";
import { stageAttainment, gateOutcome, unansweredIds, type GateResult, type StageResult, type StageStatus } from "./stages.js";

export * from "./formulas.js";
export * from "./stages.js";
export * from "./exact-scores.js";

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
    /** Failing gates of the next stage when it meets its threshold (it is blocked); empty otherwise. */
    blockedBy: GateResult[];
    /** Failing gates of the next stage when it is below its threshold: they would still hold it. */
    pendingGates: GateResult[];
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

/** score(rubric, assessment): the whole gap report. Pure. */
export function score(rubric: Rubric, assessment: Assessment): Report {
  const scores = criterionScores(rubric, assessment.answers);
  const dims = dimensionScores(rubric, scores);
  const index = overallIndex(rubric, dims);
  const unansweredSet = unansweredIds(rubric, assessment.answers);
  const { stages, current } = stageAttainment(rubric, dims, scores, unansweredSet);
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
    const target = dimensionTarget(d, assessment.targets);
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
      ...gateOutcome(nextStage),
      shortfall: nextDim && nextScore !== null ? Math.max(0, stageThreshold(nextDim) - nextScore) : 0,
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
