import { z } from "zod";
import { ProblemOutput } from "../core/schema-parts.js";

/** `validate --format json`, schemaVersion 1 (issue 14: every JSON output has a strict schema). */
export const ValidateJsonSchema = z.strictObject({
  schemaVersion: z.literal(1),
  valid: z.boolean(),
  skipped: z.array(z.string()).meta({ description: "YAML files of another kind met inside a folder (a CI workflow), not validated." }),
  files: z.array(z.strictObject({ file: z.string(), kind: z.enum(["rubric", "assessment", "mapping", "policy", "unknown"]), documents: z.int().min(0), valid: z.boolean(), problems: z.array(ProblemOutput) })),
  errors: z.array(ProblemOutput).meta({ description: "Paths that could not be read (missing file, no match)." }),
});

/** JSON Schema of `validate --format json`. */
export function validateJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(ValidateJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/validate.schema.json", title: "egov-maturity validate (JSON format)", ...rest };
}
