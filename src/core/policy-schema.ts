import { z } from "zod";
import { PolicySchema } from "./policy.js";

/** JSON Schema of check policy files, generated from the zod schema. */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(PolicySchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/policy.schema.json", title: "egov-maturity check policy", ...rest };
}
