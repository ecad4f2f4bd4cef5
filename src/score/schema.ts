import { z } from "zod";

// The JSON contract of `score --format json` (issue 14: every JSON output has a schema). Objects are
// loose where the batch may grow fields; the fields listed are the contract.
const Score = z.number().min(0).max(1);
const Problem = z.looseObject({ code: z.string(), severity: z.enum(["error", "warning"]), message: z.string(), hint: z.string().optional(), file: z.string().optional(), line: z.int().optional(), column: z.int().optional(), document: z.int().optional() });
const Labelled = z.looseObject({ id: z.string(), label: z.string() });
const Rollup = z.looseObject({
  agencies: z.int(),
  index: z.looseObject({}).or(z.number()).or(z.null()),
  stages: z.array(z.looseObject({ id: z.string().nullable(), title: z.string().nullable(), count: z.int() })),
  classes: z.array(z.looseObject({ id: z.string().nullable(), label: z.string().nullable(), count: z.int() })),
  dimensions: z.array(z.looseObject({ id: z.string(), title: z.string(), count: z.int(), mean: z.number().nullable() })),
  commonGaps: z.array(z.looseObject({ criterion: z.string(), title: z.string(), dimension: z.string(), agencies: z.int(), share: Score })),
});

/** One agency of a batch. */
export const ScoreAgencyJsonSchema = z.looseObject({
  rank: z.int().min(1).optional().meta({ description: "Standard competition rank by index (1, 2, 2, 4)." }),
  id: z.string(),
  name: z.string().nullable(),
  groups: z.record(z.string(), z.string()),
  file: z.string(),
  document: z.int().min(0),
  index: Score.nullable(),
  classification: Labelled.nullable(),
  stage: z.looseObject({ current: z.string().nullable(), currentTitle: z.string().nullable(), next: z.string().nullable(), nextTitle: z.string().nullable() }),
  weakest: z.looseObject({ dimension: z.string(), title: z.string(), score: Score.nullable() }).nullable(),
  dimensions: z.record(z.string(), Score.nullable()),
});

/** `score --format json` (and the library's `score()` batch data), schemaVersion 1. */
export const ScoreJsonSchema = z.looseObject({
  schemaVersion: z.literal(1),
  tool: z.looseObject({ name: z.literal("egov-maturity"), version: z.string() }),
  language: z.string(),
  rubric: z.looseObject({ id: z.string(), version: z.string(), title: z.string() }).nullable(),
  files: z.int().min(0),
  agencies: z.int().min(0),
  results: z.array(ScoreAgencyJsonSchema),
  errors: z.array(Problem),
  summary: Rollup.nullable(),
  groups: z.looseObject({ key: z.string(), groups: z.array(z.looseObject({ value: z.string() })) }).nullable(),
});

/** JSON Schema of `score --format json`. */
export function scoreJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(ScoreJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/score.schema.json", title: "egov-maturity score (JSON format)", ...rest };
}
