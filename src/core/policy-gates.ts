import type { AnswerValue } from "./assessment.js";
import type { Report } from "./score.js";

/** A gate of a stage with its score and whether it holds (as the report carries it). */
type GateResult = Report["stage"]["blockedBy"][number];

/** A failing gate with the gated criterion's answer (when the gate names a criterion): worded in its own terms. */
export interface GateAt {
  gate: GateResult;
  answer?: AnswerValue;
}

/**
 * Why the stage after the agency's current one is not attained when a gate is involved: `blockedBy` when
 * that stage meets its threshold and a gate holds it; `pendingGates` (with how far the score is below the
 * threshold) when it is below its threshold and gates would still hold it.
 */
export interface StageGates {
  stage: string;
  threshold: number | null;
  score: number | null;
  blockedBy: GateAt[];
  pendingGates: GateAt[];
}

/** The next stage's failing gates; undefined when there is no next stage or no gate fails. Pure. */
export function stageGates(report: Report): StageGates | undefined {
  const { next, blockedBy, pendingGates } = report.stage;
  if (next === null || (blockedBy.length === 0 && pendingGates.length === 0)) return undefined;
  const criteria = new Map(report.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c.answer] as const)));
  const at = (gate: GateResult): GateAt => {
    const answer = "criterion" in gate ? criteria.get(gate.criterion) : undefined;
    return answer === undefined ? { gate } : { gate, answer };
  };
  const dimension = report.dimensions.find((d) => d.id === next);
  return { stage: next, threshold: dimension?.threshold ?? null, score: dimension?.score ?? null, blockedBy: blockedBy.map(at), pendingGates: pendingGates.map(at) };
}
