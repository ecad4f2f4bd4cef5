import { z } from "zod";
import { RULE_IDS } from "../core/policy.js";

const Severity = z.enum(["error", "warning"]);
const Sheet = z.string().optional().meta({ description: "In a workbook: the sheet; then `line` is the row and `column` the column of the cell (`Sheet!C12`)." });
const ProblemJson = z.strictObject({
  code: z.string().meta({ description: "Stable machine code, e.g. YAML_SYNTAX, POLICY_UNKNOWN_DIMENSION." }),
  severity: Severity,
  message: z.string(),
  hint: z.string().nullable(),
  file: z.string().meta({ description: "The file, relative to the working folder (`<options>` for a command-line option)." }),
  line: z.int().min(1),
  column: z.int().min(1),
  document: z.int().min(0),
  sheet: Sheet,
});
const Value = z.union([z.number(), z.string(), z.null()]);

/** The JSON contract of `check --format json` (and of the library's `check()`). */
export const CheckJsonSchema = z.strictObject({
  schemaVersion: z.literal(2),
  tool: z.strictObject({ name: z.literal("egov-maturity"), version: z.string() }),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]).meta({ description: "0 passed, 1 a policy violation, 2 invalid input or setup." }),
  passed: z.boolean(),
  baseline: z.string().nullable().meta({ description: "What the agencies were compared with, when a baseline was given: a folder, `git merge-base of HEAD and <ref> (<commit>)` or `git <ref> (<commit>)`." }),
  failOnWarn: z.boolean(),
  summary: z.strictObject({ files: z.int(), agencies: z.int(), passed: z.int(), failed: z.int(), invalid: z.int(), errors: z.int(), warnings: z.int(), waived: z.int(), problems: z.int() }),
  setup: z.array(ProblemJson).meta({ description: "Problems that stopped the run before any file was judged (policy, baseline, options)." }),
  warnings: z.array(ProblemJson).meta({ description: "Accepted versions that could not be read." }),
  files: z.array(
    z.strictObject({
      file: z.string(),
      valid: z.boolean(),
      problems: z.array(ProblemJson),
      agencies: z.array(
        z.strictObject({
          id: z.string(),
          document: z.int().min(0),
          index: z.number().min(0).max(1).nullable(),
          stage: z.string().nullable(),
          baseline: z.enum(["compared", "new", "none"]),
          state: z.enum(["checked", "removed", "retired"]).meta({ description: "`removed`: an accepted agency gone from the head (a violation); `retired`: gone, as the policy's `retired:` allows." }),
          previousId: z.string().nullable().meta({ description: "The accepted version's agency id, when the id changed in an accepted file." }),
          reason: z.string().nullable().meta({ description: "Why the policy accepts the retirement or the id change." }),
          passed: z.boolean(),
          rules: z.array(z.enum(RULE_IDS)),
          violations: z.array(
            z.strictObject({
              rule: z.enum(RULE_IDS),
              severity: Severity,
              message: z.string(),
              line: z.int().min(1),
              column: z.int().min(1),
              sheet: Sheet,
              path: z.array(z.union([z.string(), z.number()])),
              criterion: z.string().nullable(),
              dimension: z.string().nullable(),
              actual: Value,
              expected: Value,
              note: z.string().nullable(),
              waiver: z
                .strictObject({ reason: z.string(), expires: z.string(), approvedBy: z.string().nullable(), expired: z.boolean() })
                .nullable()
                .meta({ description: "The policy waiver that matches: while it holds the violation does not fail; once expired it fails again." }),
              failing: z.boolean().meta({ description: "True when this violation fails the check." }),
            }),
          ),
        }),
      ),
    }),
  ),
});

export type CheckJson = z.infer<typeof CheckJsonSchema>;

/** JSON Schema of `check --format json`. */
export function checkJsonSchema(): Record<string, unknown> {
  const { $schema: _d, ...rest } = z.toJSONSchema(CheckJsonSchema, { io: "output" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/check.schema.json", title: "egov-maturity check (JSON format)", ...rest };
}
