import type { AnswerValue, Assessment } from "./assessment.js";
import type { Criterion, Dimension, Rubric } from "./rubric.js";
import { atLeast, EPSILON, linearSpan, stageThreshold, criterionScore, dimensionScore, dimensionScores, fullScore, overallIndex } from "./formulas.js";
import { stageAttainment, unansweredIds } from "./stages.js";

/** One step of the roadmap: raise one criterion from its current answer to a target answer. */
export interface RoadmapStep {
  criterion: string;
  dimension: string;
  /** `gate`: the criterion's prerequisite blocks a gate of `stage`; `stage`: it raises `stage` itself. */
  reason: "gate" | "stage";
  /** The stage this step works towards. */
  stage: string;
  from: AnswerValue;
  to: AnswerValue;
  scoreFrom: number;
  scoreTo: number;
  /** The overall index once this step (and every one before it) is done. */
  index: number | null;
  /** The agency's stage once this step (and every one before it) is done. */
  stageAfter: string | null;
}

interface Candidate {
  answer: AnswerValue;
  score: number;
}

/** The answers that would raise a criterion, lowest score first; the last is its full score. Empty when it is at its full score. */
function raisedAnswers(c: Criterion, rubric: Rubric, current: number, currentAnswer: AnswerValue): Candidate[] {
  if (c.type === "boolean") return [{ answer: { kind: "boolean", value: true }, score: 1 }];
  if (c.type === "level") {
    return rubric.scale
      .map((step) => ({ answer: { kind: "level" as const, level: step.value }, score: step.value / rubric.maxLevel }))
      .filter((cand) => cand.score > current);
  }
  if (c.bands !== undefined) {
    // A band is reached at its `min`; of bands with the same score, the one nearest the current value.
    const now = currentAnswer.kind === "number" ? currentAnswer.value : 0;
    const byScore = new Map<number, Candidate>();
    for (const b of c.bands) {
      if (b.score <= current) continue;
      const seen = byScore.get(b.score);
      if (seen === undefined || Math.abs(b.min - now) < Math.abs((seen.answer as { value: number }).value - now)) byScore.set(b.score, { answer: { kind: "number", value: b.min }, score: b.score });
    }
    return [...byScore.values()].sort((a, b) => a.score - b.score);
  }
  const { min, max } = linearSpan(c);
  const full = c.direction === "lower" ? min : max;
  return [{ answer: { kind: "number", value: full }, score: 1 }];
}

/** For a linear number criterion: the value, rounded to a whole unit where the range allows it, that scores at least `needed`. */
function linearValueFor(c: Criterion, needed: number): number {
  const { min, max } = linearSpan(c);
  const whole = Number.isInteger(min) && Number.isInteger(max) && max - min >= 10;
  const raw = c.direction === "lower" ? max - needed * (max - min) : min + needed * (max - min);
  if (!whole) return raw;
  return c.direction === "lower" ? Math.floor(raw + EPSILON) : Math.ceil(raw - EPSILON);
}

/**
 * The roadmap of DESIGN.md §4: for each stage not yet attained, in order, first its gated criteria,
 * then the prerequisite criteria that block its gates, then its own criteria by impact, each raised only as far as needed,
 * until (in the same arithmetic as the report) the stage would be attained.
 */
export function buildRoadmap(rubric: Rubric, assessment: Assessment, initial: ReadonlyMap<string, number | null>): RoadmapStep[] {
  const scores = new Map(initial);
  const answers = new Map<string, AnswerValue>();
  for (const c of rubric.criteria.values()) answers.set(c.id, assessment.answers.get(c.id)?.answer ?? { kind: "unanswered" });
  const steps: RoadmapStep[] = [];
  const byId = new Map(rubric.dimensions.map((d) => [d.id, d]));

  const unanswered = unansweredIds(rubric, assessment.answers);
  const raiseUntil = (dimension: Pick<Dimension, "id" | "criteria">, holds: () => boolean, reason: RoadmapStep["reason"], stage: string) => {
    while (!holds()) {
      let best: Criterion | undefined;
      let bestRoom = 0;
      for (const c of dimension.criteria) {
        const s = scores.get(c.id);
        if (s === null || s === undefined) continue;
        const room = c.weight * (fullScore(c) - s);
        if (room > bestRoom + 1e-15) {
          best = c;
          bestRoom = room;
        }
      }
      // Nothing left to raise: the stage cannot be attained, and the roadmap says no more about it.
      if (best === undefined) return;
      const chosen = best;
      const before = scores.get(chosen.id) ?? 0;
      const previous = answers.get(chosen.id) ?? { kind: "unanswered" };
      const candidates = raisedAnswers(chosen, rubric, before, previous);
      const full = candidates[candidates.length - 1];
      if (full === undefined) return;
      let pick: Candidate | undefined;
      for (const candidate of candidates) {
        scores.set(chosen.id, candidate.score);
        if (holds()) {
          pick = candidate;
          break;
        }
      }
      pick ??= full;
      if (chosen.type === "number" && chosen.bands === undefined && pick.score === 1 && candidates.length === 1) {
        pick = tightenLinear(chosen, before, holds, pick);
      }
      scores.set(chosen.id, pick.score);
      answers.set(chosen.id, pick.answer);
      unanswered.delete(chosen.id);
      const dims = dimensionScores(rubric, scores);
      steps.push({
        criterion: chosen.id,
        dimension: dimension.id,
        reason,
        stage,
        from: previous,
        to: pick.answer,
        scoreFrom: before,
        scoreTo: pick.score,
        index: overallIndex(rubric, dims),
        stageAfter: stageAttainment(rubric, dims, scores, unanswered).current,
      });
    }
  };

  // The smallest linear value that still makes `holds` true; the full value when rounding would miss.
  const tightenLinear = (c: Criterion, current: number, holds: () => boolean, full: Candidate): Candidate => {
    let lo = current;
    let hi = 1;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      scores.set(c.id, mid);
      if (holds()) hi = mid;
      else lo = mid;
    }
    const value = linearValueFor(c, hi);
    const s = criterionScore(c, { kind: "number", value }, rubric.maxLevel) ?? 0;
    scores.set(c.id, s);
    const ok = holds();
    scores.set(c.id, full.score);
    return ok ? { answer: { kind: "number", value }, score: s } : full;
  };

  for (const stage of rubric.dimensions) {
    if (stage.kind !== "stage") continue;
    if (dimensionScore(stage, scores) === null) continue;
    // Gated criteria first: each raised to the lowest answer that holds its gate.
    for (const gate of stage.requires) {
      if (!("criterion" in gate)) continue;
      const c = rubric.criteria.get(gate.criterion);
      if (c === undefined) continue;
      raiseUntil({ id: c.dimension, criteria: [c] }, () => {
        const s = scores.get(c.id);
        return s === null || (s !== undefined && !unanswered.has(c.id) && atLeast(s, gate.min));
      }, "gate", stage.id);
    }
    for (const gate of stage.requires) {
      if ("criterion" in gate) continue;
      const prerequisite = byId.get(gate.dimension);
      if (prerequisite === undefined) continue;
      raiseUntil(prerequisite, () => {
        const p = dimensionScore(prerequisite, scores);
        return p === null || atLeast(p, gate.min);
      }, "gate", stage.id);
    }
    raiseUntil(stage, () => atLeast(dimensionScore(stage, scores) ?? 1, stageThreshold(stage)), "stage", stage.id);
  }
  return steps;
}
