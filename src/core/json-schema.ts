import { z } from "zod";
import { AssessmentSchema, EvidenceSchema } from "./assessment-schema.js";
import { AnyRubricFileSchema } from "./rubric-schema.js";
import type { Criterion, Rubric } from "./rubric.js";
import { localise } from "./text.js";
import { LocalisedTextSchema } from "./schema-parts.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

function withHeader(schema: Record<string, unknown>, id: string, title: string): Record<string, unknown> {
  const { $schema: _drop, ...rest } = schema;
  return { $schema: DIALECT, $id: id, title, ...rest };
}

/** JSON Schema of rubric files (complete or extending), generated from the zod schema. */
export function rubricJsonSchema(): Record<string, unknown> {
  return withHeader(z.toJSONSchema(AnyRubricFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>, "https://egov-maturity.dev/schemas/rubric.schema.json", "egov-maturity rubric");
}

function answerFor(c: Criterion, rubric: Rubric) {
  const lang = rubric.languages[0] ?? "en";
  const description = [localise(c.title, lang, lang), localise(c.question, lang, lang)].filter(Boolean).join(" — ");
  const na = z.strictObject({ na: z.string().min(1).meta({ description: "Not applicable: the reason." }), evidence: z.array(EvidenceSchema).optional(), notes: z.string().optional() });
  const extras = { evidence: z.array(EvidenceSchema).optional(), notes: z.string().optional() };
  let bare: z.ZodType;
  let full: z.ZodType;
  if (c.type === "level") {
    const values = rubric.scale.map((s) => s.value);
    const levels = z.union(values.map((v) => z.literal(v)) as [z.ZodLiteral<number>, z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]).meta({
      description: rubric.scale.map((s) => `${s.value}: ${localise(c.levels?.[String(s.value)], lang, lang)}`).join("\n"),
    });
    bare = levels;
    full = z.strictObject({ level: levels, ...extras });
  } else if (c.type === "boolean") {
    bare = z.boolean();
    full = z.strictObject({ value: z.boolean(), ...extras });
  } else {
    // A declared range bounds the number in the editor too.
    let value = z.number();
    if (c.range?.[0] != null) value = value.min(c.range[0]);
    if (c.range?.[1] != null) value = value.max(c.range[1]);
    bare = value.meta({ description: c.unit ? `in ${c.unit}` : "a number" });
    full = z.strictObject({ value, ...extras });
  }
  return z.union([bare, full, na, z.null()]).optional().meta({ description });
}

/**
 * JSON Schema of assessment files. With a rubric, `answers` enumerates its criterion ids and their
 * allowed answers (levels of the scale, yes/no, numbers), and `targets` its dimensions, so an
 * editor autocompletes them.
 */
export function assessmentJsonSchema(rubric?: Rubric): Record<string, unknown> {
  let schema: z.ZodType = AssessmentSchema;
  if (rubric !== undefined) {
    const answers: Record<string, z.ZodType> = {};
    for (const c of rubric.criteria.values()) answers[c.id] = answerFor(c, rubric);
    const targets: Record<string, z.ZodType> = {};
    const findings: Record<string, z.ZodType> = {};
    for (const d of rubric.dimensions) {
      targets[d.id] = z.number().min(0).max(1).optional();
      findings[d.id] = LocalisedTextSchema.optional();
    }
    schema = AssessmentSchema.extend({
      rubric: z.string().meta({ description: `Rubric: ${rubric.id}@${rubric.version.split(".")[0]} (or a path)` }).optional(),
      targets: z.strictObject(targets).optional(),
      findings: z.strictObject(findings).optional().meta({ description: "The consultant's findings per dimension, under each dimension in the report." }),
      answers: z.strictObject(answers).optional(),
    });
  }
  const id = rubric ? `https://egov-maturity.dev/schemas/${rubric.id}.assessment.schema.json` : "https://egov-maturity.dev/schemas/assessment.schema.json";
  return withHeader(z.toJSONSchema(schema, { io: "input", unrepresentable: "any", reused: "ref" }) as Record<string, unknown>, id, rubric ? `egov-maturity assessment (${rubric.id} ${rubric.version})` : "egov-maturity assessment");
}
