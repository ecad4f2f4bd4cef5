import { z } from "zod";
import { ProblemOutput } from "../core/schema-parts.js";

// The JSON contracts of `score --format json` and of each line of `--format ndjson` (issue 14: every
// JSON output has a strict schema). Every object lists all its fields: an unknown field is invalid,
// so a change of the output is a change of the schema (and of `schemaVersion` when it breaks readers).
const Score = z.number().min(0).max(1);
const Title = z.string().meta({ description: "In the output's language." });
const Problem = ProblemOutput;
const Gate = z.union([
  z.strictObject({ dimension: z.string(), min: Score, score: Score.nullable() }),
  z.strictObject({ criterion: z.string(), min: Score, score: Score.nullable() }),
]);
const Stats = z.strictObject({ count: z.int().min(0), mean: z.number().nullable(), sd: z.number().nullable().meta({ description: "Population standard deviation." }), min: z.number().nullable(), max: z.number().nullable() });
const RollupFields = {
  agencies: z.int().min(0),
  index: Stats,
  stages: z.array(z.strictObject({ id: z.string().nullable().meta({ description: "null: no stage attained." }), title: Title, count: z.int().min(0) })),
  classes: z.array(z.strictObject({ id: z.string().nullable().meta({ description: "null: unclassified." }), label: Title, count: z.int().min(0) })),
  dimensions: z.array(z.strictObject({ id: z.string(), title: Title, kind: z.enum(["stage", "prerequisite", "pillar"]).nullable(), ...Stats.shape })),
  commonGaps: z.array(z.strictObject({ criterion: z.string(), title: Title, dimension: z.string(), agencies: z.int().min(1), share: Score })),
};
const Rollup = z.strictObject(RollupFields);

const AgencyFields = {
  id: z.string(),
  name: z.string().nullable(),
  groups: z.record(z.string(), z.string()),
  file: z.string(),
  document: z.int().min(0),
  index: Score.nullable(),
  classification: z.strictObject({ id: z.string(), label: Title }).nullable(),
  stage: z.strictObject({
    current: z.string().nullable(),
    currentTitle: z.string().nullable(),
    next: z.string().nullable(),
    nextTitle: z.string().nullable(),
    blockedBy: z.array(Gate).meta({ description: "Failing gates of the next stage when it meets its threshold (it is blocked); empty otherwise." }),
    pendingGates: z.array(Gate).meta({ description: "Failing gates of the next stage when it is below its threshold: they would still hold it." }),
  }),
  weakest: z.strictObject({ dimension: z.string(), title: Title, score: Score.nullable() }).nullable(),
  dimensions: z.record(z.string(), Score.nullable()),
};

/** One agency of a batch (`results[]` of json; without `rank`, an `agency` line of ndjson). */
export const ScoreAgencyJsonSchema = z.strictObject({
  rank: z.int().min(1).optional().meta({ description: "Standard competition rank by index (1, 2, 2, 4)." }),
  ...AgencyFields,
});

const Head = {
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal("egov-maturity"), version: z.string() }),
  language: z.string(),
  rubric: z.strictObject({ id: z.string(), version: z.string(), digest: z.string().nullable(), title: Title }).nullable(),
  files: z.int().min(0),
  agencies: z.int().min(0),
};
const Tail = {
  summary: Rollup.nullable(),
  groups: z.strictObject({ key: z.string(), groups: z.array(z.strictObject({ value: z.string().nullable(), rank: z.int().min(1), ...RollupFields })) }).nullable(),
};

/** `score --format json` (and the library's `score()` batch data), schemaVersion 1. */
export const ScoreJsonSchema = z.strictObject({ ...Head, results: z.array(ScoreAgencyJsonSchema), errors: z.array(Problem), ...Tail });

/** One line of `score --format ndjson`: an agency as soon as it is scored, a problem, and the summary last. */
export const ScoreNdjsonLineSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("agency"), ...AgencyFields }),
  z.strictObject({ type: z.literal("error"), ...Problem.shape }),
  z.strictObject({ type: z.literal("summary"), ...Head, errors: z.int().min(0).meta({ description: "How many error lines came before." }), ...Tail }),
]);

const SCHEMA_BASE = "https://egov-maturity.dev/schemas/";
function jsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(schema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${SCHEMA_BASE}${id}`, title, ...rest };
}

/** JSON Schema of `score --format json`. */
export function scoreJsonSchema(): Record<string, unknown> {
  return jsonSchema(ScoreJsonSchema, "score.schema.json", "egov-maturity score (JSON format)");
}

/** JSON Schema of one line of `score --format ndjson` (each line validates on its own; `type` tells which). */
export function scoreNdjsonSchema(): Record<string, unknown> {
  return jsonSchema(ScoreNdjsonLineSchema, "score.ndjson.schema.json", "egov-maturity score (one line of the ndjson format)");
}
