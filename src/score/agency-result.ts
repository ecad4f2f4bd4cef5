import type { Assessment } from "../core/assessment.js";
import type { Rubric } from "../core/rubric.js";
import { classify, criterionScores, dimensionScores, EPSILON, exactIndexOf, gateOutcome, overallIndex, stageAttainment, unansweredIds, weakestDimension } from "../core/score.js";
import { key } from "../core/exact.js";
import type { ScoredAgency } from "./types.js";

/** `id@version#digest`: how a batch tells rubrics apart (two that share `id@version` but differ are two). */
export function rubricKey(rubric: Pick<Rubric, "id" | "version" | "digest">): string {
  return `${rubric.id}@${rubric.version}${rubric.digest !== undefined ? `#${rubric.digest}` : ""}`;
}

type GateResultOf = ReturnType<typeof gateOutcome>["blockedBy"][number];

/** A gate as a batch keeps it: what it names, its minimum and the score (built plainly: a spread per gate cost 3 µs an agency). */
function compactGate(g: GateResultOf): ScoredAgency["blockedBy"][number] {
  return "criterion" in g ? { criterion: g.criterion, min: g.min, score: g.score } : { dimension: g.dimension, min: g.min, score: g.score };
}

/**
 * The compact result of one assessment, with the same core functions as `score()` (so every number
 * equals `report`'s), without the parts a batch does not show (criteria, gaps, roadmap).
 */
export function scoreAgency(rubric: Rubric, assessment: Assessment, where: { seq: number; file: string; document: number }): ScoredAgency {
  const scores = criterionScores(rubric, assessment.answers);
  const dims = dimensionScores(rubric, scores);
  const index = overallIndex(rubric, dims);
  const { stages, current } = stageAttainment(rubric, dims, scores, unansweredIds(rubric, assessment.answers));
  const next = stages.find((st) => st.status !== "attained" && st.status !== "no-score") ?? null;
  const dimensions: (number | null)[] = [];
  const belowTarget: number[] = [];
  let k = 0;
  for (const d of rubric.dimensions) {
    const s = dims.get(d.id) ?? null;
    dimensions.push(s);
    const target = assessment.targets[d.id] ?? d.target;
    for (const c of d.criteria) {
      const cs = scores.get(c.id);
      if (cs !== null && cs !== undefined && cs < target - EPSILON) belowTarget.push(k);
      k++;
    }
  }
  const gates = gateOutcome(next);
  const result: ScoredAgency = {
    seq: where.seq,
    file: where.file,
    document: where.document,
    rubric: rubricKey(rubric),
    id: assessment.agency.id,
    groups: assessment.agency.groups,
    index,
    classification: classify(rubric, index)?.id ?? null,
    stage: current,
    next: next?.id ?? null,
    // "blocked" only when the next stage meets its threshold (DESIGN.md §4).
    blockedBy: gates.blockedBy.map(compactGate),
    pendingGates: gates.pendingGates.map(compactGate),
    dimensions,
    weakest: weakestDimension(rubric, dims, assessment.answers),
    belowTarget,
  };
  // The exact index decides rank ties (score/rank.ts).
  const exact = index === null ? null : exactIndexOf(rubric, assessment.answers);
  if (exact !== null) result.indexExact = key(exact);
  if (assessment.agency.name !== undefined) result.name = assessment.agency.name;
  return result;
}
