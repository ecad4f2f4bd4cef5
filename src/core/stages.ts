import type { Answer } from "./assessment.js";
import type { Dimension, Rubric } from "./rubric.js";
import { atLeast, stageThreshold, type ScoreMap } from "./formulas.js";

/**
 * Stages of DESIGN.md §4: gates evaluated, stage attainment walked in order, and what blocks the next
 * stage. Scores come in from formulas.ts.
 */

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
  // A literal and a loop, not `map`: an optimised `map` makes its array with another map (hidden class)
  // than the built-in one, and the stage walk deoptimised each time it met the other (npm run bench).
  const gates: GateResult[] = [];
  for (const g of stage.requires) {
    if ("criterion" in g) {
      const s = scores.get(g.criterion);
      const score = s === undefined ? 0 : s;
      const holds = score === null || (!unanswered.has(g.criterion) && atLeast(score, g.min));
      gates.push({ criterion: g.criterion, min: g.min, score, holds });
    } else {
      const p = dims.get(g.dimension) ?? null;
      gates.push({ dimension: g.dimension, min: g.min, score: p, holds: p === null || atLeast(p, g.min) });
    }
  }
  return gates;
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
    let status: StageStatus;
    if (score === null) status = "no-score";
    else if (!atLeast(score, stageThreshold(d))) status = "below-threshold";
    else if (!gates.every((g) => g.holds)) status = "blocked";
    else if (!chainIntact) status = "not-reached";
    else status = "attained";
    if (status === "attained") current = d.id;
    else if (status !== "no-score") chainIntact = false;
    // One object literal for every stage: one shape, so optimised callers never meet another.
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
  const blockedBy: GateResult[] = [];
  const pendingGates: GateResult[] = [];
  const failing = stage?.status === "blocked" ? blockedBy : stage?.status === "below-threshold" ? pendingGates : undefined;
  if (failing !== undefined) for (const g of stage!.gates) if (!g.holds) failing.push(g);
  // One object literal, both lists made alike: one shape for every outcome (a batch scores thousands).
  return { blockedBy, pendingGates };
}
