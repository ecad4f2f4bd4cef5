import { z } from "zod";

/** `rubric list --format json`, schemaVersion 1: the built-in rubrics, one entry each, in one language. */
export const RubricListJsonSchema = z.strictObject({
  schemaVersion: z.literal(1),
  rubrics: z.array(
    z.strictObject({
      id: z.string().meta({ description: "The id an assessment's `rubric:` names (`egov-maturity`, or `egov-maturity@2` for this version)." }),
      version: z.string(),
      title: z.string().meta({ description: "In the language asked for (`--lang`), else the rubric's first." }),
      languages: z.array(z.string()).min(1).meta({ description: "The languages the rubric's texts are written in, its default first." }),
      dimensions: z.int().min(1),
      criteria: z.int().min(1),
    }),
  ),
});

/** One entry of {@link RubricListJsonSchema}. */
export type RubricListEntry = z.output<typeof RubricListJsonSchema>["rubrics"][number];

/** JSON Schema of `rubric list --format json`. */
export function rubricListJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(RubricListJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/rubric-list.schema.json", title: "egov-maturity rubric list (JSON format)", ...rest };
}
