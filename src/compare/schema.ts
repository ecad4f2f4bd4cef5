import { z } from "zod";

// The JSON contract of `compare --format json` (issue 14: every JSON output has a strict schema). Every
// object lists all its fields: an unknown field is invalid, so a change of the output is a change here.
const Score = z.number().min(0).max(1);
const Delta = z.number().min(-1).max(1).nullable().meta({ description: "after − before; null when either has no score." });
const Answer = z
  .union([z.strictObject({ level: z.number() }), z.strictObject({ value: z.union([z.number(), z.boolean()]) }), z.strictObject({ na: z.string() }), z.null()])
  .meta({ description: "`{level}`, `{value}` (number or yes/no), `{na: reason}`, or null when unanswered." });
const Labelled = z.strictObject({ id: z.string(), label: z.string() }).nullable();
const Change = z.strictObject({ criterion: z.string(), dimension: z.string(), title: z.string(), before: Answer, after: Answer, scoreBefore: Score, scoreAfter: Score, delta: z.number().min(-1).max(1) });
const Evidence = z.strictObject({
  criterion: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
  date: z.string().optional(),
  ageDays: z.int().nullable().meta({ description: "Age in days at the latest assessment's date; null when undated." }),
});
const GateChange = z.strictObject({
  stage: z.string(),
  dimension: z.string().optional().meta({ description: "The gated prerequisite (a dimension gate)…" }),
  criterion: z.string().optional().meta({ description: "…or the gated criterion (a criterion gate)." }),
  min: Score,
  before: Score.nullable(),
  after: Score.nullable(),
});
const Stage = z.string().nullable();

/** `compare --format json`, schemaVersion 1. */
export const CompareJsonSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal("comparison"),
  tool: z.strictObject({ name: z.literal("egov-maturity"), version: z.string() }),
  language: z.string(),
  agency: z.strictObject({ id: z.string(), name: z.string().nullable(), groups: z.record(z.string(), z.string()) }),
  rubric: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }).meta({ description: "The latest rubric: titles come from it." }),
  basis: z.enum(["full", "shared"]).meta({ description: "`full`: every assessment scored on the same criteria; `shared`: only on the criteria every rubric shares." }),
  sharedCriteria: z.int().min(0),
  newCriteria: z.array(z.string()),
  droppedCriteria: z.array(z.string()),
  assessments: z
    .array(
      z.strictObject({
        date: z.string(),
        file: z.string().nullable(),
        rubric: z.strictObject({ id: z.string(), version: z.string() }),
        index: Score.nullable().meta({ description: "On the compared basis (the shared criteria when the rubrics differ)." }),
        fullIndex: Score.nullable().meta({ description: "On the assessment's own full rubric." }),
        classification: Labelled,
        stage: Stage,
        stageTitle: z.string().nullable(),
      }),
    )
    .min(2),
  index: z.strictObject({ before: Score.nullable(), after: Score.nullable(), delta: Delta }),
  classification: z.strictObject({ before: Labelled, after: Labelled }),
  stage: z.strictObject({
    before: Stage,
    beforeTitle: z.string().nullable(),
    after: Stage,
    afterTitle: z.string().nullable(),
    direction: z.enum(["up", "down", "same"]),
    cleared: z.array(GateChange).meta({ description: "Gates that failed before and hold now." }),
    newlyBlocking: z.array(GateChange).meta({ description: "Gates that held before and fail now." }),
  }),
  dimensions: z.array(
    z.strictObject({ id: z.string(), kind: z.enum(["stage", "prerequisite", "pillar"]), title: z.string(), before: Score.nullable(), after: Score.nullable(), delta: Delta, series: z.array(Score.nullable()).meta({ description: "The score at every date, oldest first." }) }),
  ),
  improved: z.array(Change),
  regressed: z.array(Change),
  evidence: z.strictObject({ staleAfterDays: z.int().min(0), added: z.array(Evidence), removed: z.array(Evidence), stale: z.array(Evidence) }),
  roadmap: z.array(
    z.strictObject({
      step: z.int().min(1),
      criterion: z.string(),
      dimension: z.string(),
      title: z.string(),
      stage: z.string(),
      from: Answer,
      to: Answer,
      scoreFrom: Score,
      scoreTo: Score,
      now: Answer,
      scoreNow: Score.nullable(),
      status: z.enum(["done", "partial", "open", "dropped"]),
    }),
  ),
});

/** JSON Schema of `compare --format json`. */
export function compareJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(CompareJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/compare.schema.json", title: "egov-maturity compare (JSON format)", ...rest };
}
