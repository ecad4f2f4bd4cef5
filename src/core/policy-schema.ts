import { z } from "zod";
import { Fraction, IsoDate } from "./schema-parts.js";

/** The rule ids, in the order they are evaluated and listed. */
export const RULE_IDS = ["valid-input", "rubric-pin", "min-index", "min-stage", "min-dimension", "require-evidence", "evidence-age", "forbid-na", "no-lower-answer", "no-lower-dimension", "no-lost-stage", "agency-id-changed", "agency-removed"] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The rules a policy may set; the same keys at the top level and in an override. */
const ruleShape = {
  "min-index": Fraction.optional().meta({ description: "Lowest overall index accepted (a fraction, 0.5 = 50%)." }),
  "min-stage": z.string().min(1).optional().meta({ description: "Lowest stage accepted: a stage id of the rubric (e.g. `interaction`), or `none`." }),
  min: z.record(z.string(), Fraction).optional().meta({ description: "Lowest score accepted per dimension: `{security: 0.5}`." }),
  "require-evidence-from": z.number().optional().meta({ description: "Answers at or above this level must carry evidence." }),
  "max-evidence-age": z.number().int().min(0).optional().meta({ description: "Days: an answer's evidence must include a piece dated no older than this (relative to the assessment's date, else --today)." }),
  "forbid-na": z.array(z.string().min(1)).optional().meta({ description: "Criterion ids that may not be marked N/A." }),
};

/** A policy override for some agencies: the rules it sets replace the policy's for those agencies. */
export const PolicyOverrideSchema = z.strictObject({
  agencies: z.array(z.string().min(1)).optional().meta({ description: "Agency ids this override applies to." }),
  groups: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: "Applies to agencies whose groups hold every one of these values: `{sector: health}`." }),
  ...ruleShape,
});

const AgencyId = z.string().regex(/^[A-Za-z0-9._-]+$/, "letters, digits, `.`, `_` and `-`");

/** A waiver: one agency's violations of one rule (optionally of one criterion or dimension) accepted until a date. */
export const WaiverSchema = z.strictObject({
  agency: AgencyId.meta({ description: "The agency whose violation is waived." }),
  rule: z.enum(RULE_IDS).meta({ description: "The rule waived, e.g. `min-dimension`." }),
  criterion: z.string().min(1).optional().meta({ description: "Only violations at this criterion." }),
  dimension: z.string().min(1).optional().meta({ description: "Only violations of this dimension." }),
  reason: z.string().trim().min(1).meta({ description: "Why the violation is accepted for now." }),
  expires: IsoDate.meta({ description: "The last day the waiver holds (YYYY-MM-DD); from the next day the violation fails again." }),
  "approved-by": z.string().min(1).optional().meta({ description: "Who approved the waiver." }),
});

/** A check policy file (`--policy policy.yaml`). */
export const PolicySchema = z.strictObject({
  rubric: z
    .string()
    .regex(/^(?:[a-z0-9-]+(?:@[0-9A-Za-z.+-]+)?|[0-9a-f]{12})$/, "a rubric id, id@version (egov-maturity@2, egov-maturity@2.1.0) or a 12-hex rubric digest")
    .optional()
    .meta({ description: "The rubric every assessment must use: `egov-maturity@2`, `id@version`, or the 12-hex digest `egov-maturity rubric show` prints. An assessment on another rubric fails the policy." }),
  ...ruleShape,
  "allow-incomplete": z.boolean().optional().meta({ description: "Accept assessments with unanswered criteria (default: false)." }),
  overrides: z.array(PolicyOverrideSchema).optional().meta({ description: "Per-agency or per-group rules, applied in order: a later override wins." }),
  renamed: z.array(z.strictObject({ from: AgencyId, to: AgencyId, reason: z.string().trim().min(1) })).optional().meta({ description: "Accepted agencies whose `agency.id` may change (from → to), each with its reason; any other id change in an accepted file is a violation." }),
  retired: z.array(z.strictObject({ agency: AgencyId, reason: z.string().trim().min(1) })).optional().meta({ description: "Accepted agencies that may be gone from the head, each with its reason; any other removal is a violation." }),
  waivers: z.array(WaiverSchema).optional().meta({ description: "Violations accepted until a date: shown as waived, they do not fail the check until the waiver expires." }),
});

export type PolicyFile = z.infer<typeof PolicySchema>;
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;
export type Waiver = z.infer<typeof WaiverSchema>;

/** JSON Schema of check policy files, generated from the zod schema. */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(PolicySchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://egov-maturity.dev/schemas/policy.schema.json", title: "egov-maturity check policy", ...rest };
}
