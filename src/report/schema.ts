import { z } from "zod";

const Score = z.number().min(0).max(1);
const NullableScore = Score.nullable();
const AnswerJson = z.union([z.strictObject({ level: z.number() }), z.strictObject({ value: z.union([z.number(), z.boolean()]) }), z.strictObject({ na: z.string() }), z.null()]);
const GateFields = { min: Score, score: NullableScore, holds: z.boolean().optional(), text: z.string().optional().meta({ description: "The gate in its own terms, in the report's language: \"Approved security policy: no\"." }) };
const Gate = z.union([
  z.strictObject({ dimension: z.string().meta({ description: "A prerequisite dimension's score is gated." }), ...GateFields }),
  z.strictObject({ criterion: z.string().meta({ description: "One criterion's score is gated (N/A holds, unanswered fails)." }), ...GateFields }),
]);
const StageStatus = z.enum(["attained", "blocked", "below-threshold", "not-reached", "no-score"]);

/** The JSON contract of `report --format json` (schemaVersion 1). Scores are fractions, never rounded. */
export const ReportJsonSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal("egov-maturity"), version: z.string() }),
  language: z.string(),
  rubric: z.strictObject({ id: z.string(), version: z.string(), digest: z.string().nullable().meta({ description: "Content digest of the rubric: the first 12 hex digits of the SHA-256 of the normalised rubric (DESIGN.md §2)" }), title: z.string() }),
  agency: z.strictObject({ id: z.string(), name: z.string().nullable(), groups: z.record(z.string(), z.string()) }),
  date: z.string().nullable(),
  assessor: z.string().nullable(),
  complete: z.boolean().meta({ description: "False for a draft: some criteria are unanswered (they count as 0)." }),
  narrative: z
    .strictObject({ summary: z.string().nullable(), context: z.string().nullable(), findings: z.record(z.string(), z.string()).meta({ description: "Findings by dimension id." }) })
    .nullable()
    .meta({ description: "The consultant's words from the assessment, in the report's language; null when it has none." }),
  index: NullableScore.meta({ description: "Overall index I = Σ Wd·Dd / Σ Wd over dimensions with a score." }),
  classification: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
  stage: z.strictObject({
    current: z.string().nullable().meta({ description: "The last attained stage; null for none." }),
    currentTitle: z.string().nullable(),
    next: z.string().nullable(),
    nextTitle: z.string().nullable(),
    blockedBy: z.array(Gate).meta({ description: "Failing gates of the next stage when it meets its threshold (it is blocked); empty otherwise." }),
    pendingGates: z.array(Gate).meta({ description: "Failing gates of the next stage when it is below its threshold: they would still hold it." }),
    shortfall: Score.meta({ description: "How far the next stage's score is below its threshold." }),
  }),
  stages: z.array(z.strictObject({ id: z.string(), title: z.string().nullable(), status: StageStatus, score: NullableScore, threshold: NullableScore, gates: z.array(Gate) })),
  dimensions: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(["stage", "prerequisite", "pillar"]),
      title: z.string(),
      weight: z.number(),
      score: NullableScore,
      target: Score,
      gap: NullableScore,
      threshold: NullableScore,
      status: StageStatus.nullable(),
      answered: z.int(),
      na: z.int(),
      unanswered: z.int(),
    }),
  ),
  criteria: z.array(
    z.strictObject({
      id: z.string(),
      dimension: z.string(),
      title: z.string(),
      type: z.enum(["level", "boolean", "number"]),
      weight: z.number(),
      status: z.enum(["answered", "na", "unanswered"]),
      answer: AnswerJson,
      score: NullableScore,
      impact: Score,
      evidence: z.array(z.strictObject({ url: z.string().optional(), note: z.string().optional(), date: z.string().optional() })),
      notes: z.string().nullable(),
    }),
  ),
  gaps: z.array(z.strictObject({ rank: z.int(), criterion: z.string(), dimension: z.string(), title: z.string(), score: Score, impact: Score, recommendation: z.string() })),
  roadmap: z.array(
    z.strictObject({
      step: z.int(),
      criterion: z.string(),
      dimension: z.string(),
      title: z.string(),
      reason: z.enum(["gate", "stage"]),
      stage: z.string(),
      from: AnswerJson,
      to: AnswerJson,
      scoreFrom: Score,
      scoreTo: Score,
      index: NullableScore,
      stageAfter: z.string().nullable(),
      recommendation: z.string(),
    }),
  ),
  unanswered: z.array(z.string()),
});

/** JSON Schema of the report JSON. */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(ReportJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/report.schema.json", title: "egov-maturity report (JSON format)", ...rest };
}
