import { z } from "zod";

// The JSON contract of `compare --format json` (issue 14: every JSON output has a schema). Objects are
// loose where the comparison may grow fields; the fields listed are the contract.
const Score = z.number().min(0).max(1);
const Answer = z.union([z.looseObject({ level: z.number() }), z.looseObject({ value: z.union([z.number(), z.boolean()]) }), z.looseObject({ na: z.string() }), z.null()]);
const Labelled = z.looseObject({ id: z.string(), label: z.string() }).nullable();
const Change = z.looseObject({ criterion: z.string(), dimension: z.string(), title: z.string(), before: Answer, after: Answer, scoreBefore: Score.nullable(), scoreAfter: Score.nullable(), delta: z.number().nullable() });
const Evidence = z.looseObject({ criterion: z.string() });

/** `compare --format json`, schemaVersion 1. */
export const CompareJsonSchema = z.looseObject({
  schemaVersion: z.literal(1),
  kind: z.literal("comparison"),
  tool: z.looseObject({ name: z.literal("egov-maturity"), version: z.string() }),
  language: z.string(),
  agency: z.looseObject({ id: z.string(), name: z.string().nullable(), groups: z.record(z.string(), z.string()) }),
  rubric: z.looseObject({ id: z.string(), version: z.string(), title: z.string() }),
  basis: z.string(),
  sharedCriteria: z.int().min(0),
  newCriteria: z.array(z.string()),
  droppedCriteria: z.array(z.string()),
  assessments: z.array(z.looseObject({ date: z.string().nullable(), file: z.string().nullable(), index: Score.nullable(), classification: Labelled, stage: z.string().nullable(), stageTitle: z.string().nullable() })).min(2),
  classification: z.looseObject({ before: Labelled, after: Labelled }),
  stage: z.looseObject({ before: z.string().nullable(), after: z.string().nullable() }),
  dimensions: z.array(z.looseObject({ id: z.string(), title: z.string(), before: Score.nullable(), after: Score.nullable(), delta: z.number().nullable() })),
  improved: z.array(Change),
  regressed: z.array(Change),
  evidence: z.looseObject({ added: z.array(Evidence), removed: z.array(Evidence), stale: z.array(Evidence) }),
  roadmap: z.array(z.looseObject({ step: z.int().min(1), criterion: z.string(), dimension: z.string(), status: z.string() })),
});

/** JSON Schema of `compare --format json`. */
export function compareJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(CompareJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/compare.schema.json", title: "egov-maturity compare (JSON format)", ...rest };
}
