import type { Violation } from "./policy.js";
import type { PolicyFile, Waiver } from "./policy-schema.js";
import { problemAt, type Problem } from "./problems.js";
import type { Rubric } from "./rubric.js";
import { didYouMean } from "./suggest.js";

/** True when `waiver` is about `violation` of `agency`: same rule, and the criterion or dimension it names. */
function matches(waiver: Waiver, agency: string, v: Violation): boolean {
  if (waiver.agency !== agency || waiver.rule !== v.rule) return false;
  if (waiver.criterion !== undefined && waiver.criterion !== v.criterion) return false;
  if (waiver.dimension !== undefined && waiver.dimension !== v.dimension) return false;
  return true;
}

/**
 * Marks the violations a policy waiver covers: waived while `today` (YYYY-MM-DD) is on or before
 * the waiver's `expires`, expired (failing again, and saying so) after it. The first matching waiver wins.
 */
export function applyWaivers(agency: string, violations: readonly Violation[], waivers: readonly Waiver[], today: string): Violation[] {
  return violations.map((v) => {
    const waiver = waivers.find((w) => matches(w, agency, v));
    if (waiver === undefined) return v;
    const applied: NonNullable<Violation["waiver"]> = { reason: waiver.reason, expires: waiver.expires, expired: today > waiver.expires };
    if (waiver["approved-by"] !== undefined) applied.approvedBy = waiver["approved-by"];
    return { ...v, waiver: applied };
  });
}

/**
 * Problems of the policy's waivers against what the run saw: an unknown agency — one that is in no
 * checked file, not in the baseline and not listed under the policy's `retired:` — and a criterion or
 * dimension that no checked rubric has. Paths point into the policy file.
 */
export function waiverProblems(policy: PolicyFile, seen: ReadonlySet<string>, rubrics: readonly Rubric[]): Problem[] {
  const problems: Problem[] = [];
  const agencies = new Set([...seen, ...(policy.retired ?? []).map((r) => r.agency)]);
  const criteria = new Set(rubrics.flatMap((r) => [...r.criteria.keys()]));
  const dimensions = new Set(rubrics.flatMap((r) => r.dimensions.map((d) => d.id)));
  (policy.waivers ?? []).forEach((w, i) => {
    if (!agencies.has(w.agency)) problems.push(problemAt(["waivers", i, "agency"], "POLICY_UNKNOWN_AGENCY", `\`${w.agency}\` is not an agency of the checked files, of the baseline or of \`retired:\``, didYouMean(w.agency, agencies) ?? "a waiver names the `agency.id` of a checked or accepted assessment, or an agency under `retired:`"));
    if (rubrics.length === 0) return;
    if (w.criterion !== undefined && !criteria.has(w.criterion)) problems.push(problemAt(["waivers", i, "criterion"], "POLICY_UNKNOWN_CRITERION", `\`${w.criterion}\` is not a criterion of the checked rubrics`, didYouMean(w.criterion, criteria) ?? "run `egov-maturity rubric show <id>` for its criteria"));
    if (w.dimension !== undefined && !dimensions.has(w.dimension)) problems.push(problemAt(["waivers", i, "dimension"], "POLICY_UNKNOWN_DIMENSION", `\`${w.dimension}\` is not a dimension of the checked rubrics`, didYouMean(w.dimension, dimensions) ?? `dimensions: ${[...dimensions].join(", ")}`));
  });
  return problems;
}

/**
 * True when `rubric` is the one a policy pins: `id` (any version), `id@2` (major 2), `id@2.1` or
 * `id@2.1.0` (that version, dot-separated prefix), or a 12-hex digest equal to `digest`.
 */
export function rubricMatchesPin(pin: string, rubric: Pick<Rubric, "id" | "version">, digest?: string): boolean {
  if (/^[0-9a-f]{12}$/.test(pin)) return digest !== undefined && digest === pin;
  const [id, version] = pin.split("@") as [string, string | undefined];
  if (id !== rubric.id) return false;
  if (version === undefined) return true;
  return rubric.version === version || rubric.version.startsWith(`${version}.`);
}

/** The `rubric-pin` violation of an assessment whose rubric is not the pinned one; none when it is. */
export function rubricPinViolations(pin: string | undefined, rubric: Rubric, digest?: string): Violation[] {
  if (pin === undefined || rubricMatchesPin(pin, rubric, digest)) return [];
  return [{ rule: "rubric-pin", severity: "error", path: ["rubric"], actual: /^[0-9a-f]{12}$/.test(pin) && digest !== undefined ? digest : `${rubric.id}@${rubric.version}`, expected: pin }];
}
