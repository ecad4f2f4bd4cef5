import type { Assessment } from "./assessment.js";
import { problemAt, type Problem } from "./problems.js";
import type { Rubric } from "./rubric.js";
import { atLeast, score, type Report } from "./score.js";
import { RULE_IDS, type PolicyFile, type PolicyOverride, type RuleId } from "./policy-schema.js";
import { didYouMean } from "./suggest.js";
import { stageGates, type StageGates } from "./policy-gates.js";

/** The rules in force for one agency. */
export interface PolicyRules {
  minIndex?: number;
  minStage?: string;
  min: Record<string, number>;
  requireEvidenceFrom?: number;
  maxEvidenceAge?: number;
  forbidNa: string[];
}

export { RULE_IDS, PolicySchema, PolicyOverrideSchema, type PolicyFile, type PolicyOverride, type RuleId } from "./policy-schema.js";

/** One policy violation: data, worded by the renderers. */
export interface Violation {
  rule: RuleId;
  /** `warning` does not fail the check: a drop explained by a note, a fall caused only by explained drops. */
  severity: "error" | "warning";
  /** Where it points in the assessment document: an answer, one of its evidence items, or the agency block. */
  path: (string | number)[];
  criterion?: string;
  dimension?: string;
  /** The value found (a score, a level, a stage id, a number of days). */
  actual?: number | string | null;
  /** The value the policy asks for, or the accepted version's value. */
  expected?: number | string | null;
  /** The note explaining a lowered answer, or the reason an id change or a removal was accepted. */
  note?: string;
  /** The policy's waiver that matches this violation: it does not fail while the waiver holds. */
  waiver?: AppliedWaiver;
  /** A number criterion scored lower-is-better (processing days): a rise is the drop. */
  lowerIsBetter?: boolean;
  /** A stage below the policy's minimum (or lost) while a gate of the next stage fails: that stage and its gates. */
  gates?: StageGates;
}

/** A waiver as applied to a violation on the run's day. */
export interface AppliedWaiver {
  reason: string;
  expires: string;
  approvedBy?: string;
  /** True when the run's day is after `expires`: the violation fails again. */
  expired: boolean;
}

/** True when a violation fails the check: an error not under a waiver that holds, or (failOnWarn) a warning. */
export function isFailing(v: Violation, failOnWarn = false): boolean {
  if (v.waiver !== undefined && !v.waiver.expired) return false;
  return v.severity === "error" || failOnWarn;
}

/** Rules from a policy file, for one agency (overrides applied in order). */
export function rulesFor(policy: PolicyFile, agency: Assessment["agency"]): PolicyRules {
  const rules: PolicyRules = { min: {}, forbidNa: [] };
  const apply = (part: PolicyOverride) => {
    if (part["min-index"] !== undefined) rules.minIndex = part["min-index"];
    if (part["min-stage"] !== undefined) rules.minStage = part["min-stage"];
    if (part.min !== undefined) Object.assign(rules.min, part.min);
    if (part["require-evidence-from"] !== undefined) rules.requireEvidenceFrom = part["require-evidence-from"];
    if (part["max-evidence-age"] !== undefined) rules.maxEvidenceAge = part["max-evidence-age"];
    if (part["forbid-na"] !== undefined) rules.forbidNa = [...new Set([...rules.forbidNa, ...part["forbid-na"]])];
  };
  apply(policy);
  for (const override of policy.overrides ?? []) if (overrideApplies(override, agency)) apply(override);
  return rules;
}

function overrideApplies(override: PolicyOverride, agency: Assessment["agency"]): boolean {
  const byAgency = override.agencies === undefined || override.agencies.includes(agency.id);
  const byGroup = override.groups === undefined || Object.entries(override.groups).every(([k, v]) => agency.groups[k] === String(v));
  return byAgency && byGroup;
}

/**
 * Problems of a policy against a rubric: dimension, stage and criterion ids it names that the rubric
 * lacks, a level not on the scale. Paths point into the policy file.
 */
export function checkPolicyAgainstRubric(policy: PolicyFile, rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const dimensionIds = rubric.dimensions.map((d) => d.id);
  const stageIds = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
  const scale = rubric.scale.map((s) => s.value);
  const parts: [PolicyFile | PolicyOverride, (string | number)[]][] = [[policy, []], ...(policy.overrides ?? []).map((o, i): [PolicyOverride, (string | number)[]] => [o, ["overrides", i]])];
  for (const [part, at] of parts) {
    for (const dim of Object.keys(part.min ?? {})) {
      if (!dimensionIds.includes(dim)) problems.push(problemAt([...at, "min", dim], "POLICY_UNKNOWN_DIMENSION", `\`${dim}\` is not a dimension of rubric ${rubric.id}`, didYouMean(dim, dimensionIds) ?? `dimensions: ${dimensionIds.join(", ")}`, true));
    }
    const stage = part["min-stage"];
    if (stage !== undefined && stage !== "none" && !stageIds.includes(stage)) {
      problems.push(problemAt([...at, "min-stage"], "POLICY_UNKNOWN_STAGE", `\`${stage}\` is not a stage of rubric ${rubric.id}`, didYouMean(stage, stageIds) ?? `stages: none, ${stageIds.join(", ")}`));
    }
    (part["forbid-na"] ?? []).forEach((id, k) => {
      if (!rubric.criteria.has(id)) problems.push(problemAt([...at, "forbid-na", k], "POLICY_UNKNOWN_CRITERION", `\`${id}\` is not a criterion of rubric ${rubric.id}`, didYouMean(id, rubric.criteria.keys()) ?? `run \`egov-maturity rubric show ${rubric.id}\` for its criteria`));
    });
    const level = part["require-evidence-from"];
    if (level !== undefined && !scale.includes(level)) problems.push(problemAt([...at, "require-evidence-from"], "POLICY_LEVEL_OUT_OF_RANGE", `level ${level} is not on the scale of rubric ${rubric.id}`, `allowed levels: ${scale.join(", ")}`));
  }
  return problems;
}

/** The accepted version of an agency's assessment, to compare with. */
export interface BaselineVersion {
  assessment: Assessment;
  rubric: Rubric;
}

/** What the policy is evaluated on: one assessment, scored, and its accepted version if any. */
export interface PolicyInput {
  assessment: Assessment;
  rubric: Rubric;
  report: Report;
  /** undefined: no baseline asked for; null: asked, but the agency is new. */
  baseline?: BaselineVersion | null;
  /** YYYY-MM-DD: the day evidence age is counted to when the assessment has no `date`. */
  today: string;
}

/** The rules evaluated for an assessment under `rules` (with or without a baseline). */
export function rulesEvaluated(rules: PolicyRules, baseline: boolean): RuleId[] {
  const ids: RuleId[] = ["valid-input"];
  if (rules.minIndex !== undefined) ids.push("min-index");
  if (rules.minStage !== undefined) ids.push("min-stage");
  if (Object.keys(rules.min).length > 0) ids.push("min-dimension");
  if (rules.requireEvidenceFrom !== undefined) ids.push("require-evidence");
  if (rules.maxEvidenceAge !== undefined) ids.push("evidence-age");
  if (rules.forbidNa.length > 0) ids.push("forbid-na");
  if (baseline) ids.push("no-lower-answer", "no-lower-dimension", "no-lost-stage");
  return ids;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const AGENCY: (string | number)[] = ["agency"];

/** Evaluates every rule of `rules` on one assessment. Pure. */
export function evaluatePolicy(input: PolicyInput, rules: PolicyRules): Violation[] {
  const { assessment, rubric, report } = input;
  const violations: Violation[] = [];
  if (rules.minIndex !== undefined && !(report.index !== null && atLeast(report.index, rules.minIndex))) {
    violations.push({ rule: "min-index", severity: "error", path: AGENCY, actual: report.index, expected: rules.minIndex });
  }
  if (rules.minStage !== undefined && rules.minStage !== "none") {
    const order = stageOrder(rubric);
    const have = report.stage.current === null ? 0 : (order.get(report.stage.current) ?? 0);
    const want = order.get(rules.minStage);
    if (want !== undefined && have < want) violations.push(withGates({ rule: "min-stage", severity: "error", path: AGENCY, actual: report.stage.current, expected: rules.minStage }, report));
  }
  for (const [dim, min] of Object.entries(rules.min)) {
    const d = report.dimensions.find((x) => x.id === dim);
    if (d === undefined || d.score === null) continue;
    if (!atLeast(d.score, min)) violations.push({ rule: "min-dimension", severity: "error", path: AGENCY, dimension: dim, actual: d.score, expected: min });
  }
  for (const [id, given] of assessment.answers) {
    const at = ["answers", id];
    const level = given.answer.kind === "level" ? given.answer.level : undefined;
    const needsEvidence = rules.requireEvidenceFrom !== undefined && level !== undefined && level >= rules.requireEvidenceFrom;
    if (needsEvidence && given.evidence.length === 0) {
      violations.push({ rule: "require-evidence", severity: "error", path: at, criterion: id, actual: level, expected: rules.requireEvidenceFrom });
    }
    // Evidence age: every answer that carries evidence must carry a piece recent enough.
    if (rules.maxEvidenceAge !== undefined && given.evidence.length > 0 && given.answer.kind !== "na") {
      const reference = assessment.date ?? input.today;
      const ages = given.evidence.flatMap((e) => (e.date !== undefined ? [daysBetween(e.date, reference)] : []));
      const newest = ages.length > 0 ? Math.min(...ages) : null;
      if (newest === null || newest > rules.maxEvidenceAge) violations.push({ rule: "evidence-age", severity: "error", path: at, criterion: id, actual: newest, expected: rules.maxEvidenceAge });
    }
    if (given.answer.kind === "na" && rules.forbidNa.includes(id)) violations.push({ rule: "forbid-na", severity: "error", path: at, criterion: id });
  }
  if (input.baseline) violations.push(...compareWithBaseline(input, input.baseline));
  return violations;
}

/** A stage violation with the next stage's failing gates, when there are some. */
function withGates(v: Violation, report: Report): Violation {
  const gates = stageGates(report);
  return gates === undefined ? v : { ...v, gates };
}

function stageOrder(rubric: Rubric): Map<string, number> {
  return new Map(rubric.dimensions.filter((d) => d.kind === "stage").map((d, i) => [d.id, i + 1]));
}

/**
 * No regression against the accepted version: every criterion whose score went down needs a new note
 * explaining it (then it is a warning); every dimension that fell and every stage lost is an error
 * unless every lowered answer behind it is explained.
 */
export function compareWithBaseline(input: PolicyInput, baseline: BaselineVersion): Violation[] {
  const violations: Violation[] = [];
  const before = score(baseline.rubric, baseline.assessment);
  const after = input.report;
  const beforeScores = new Map(before.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c] as const)));
  const unexplained = new Set<string>();
  for (const d of after.dimensions) {
    for (const c of d.criteria) {
      const old = beforeScores.get(c.id);
      if (old === undefined || old.score === null || c.score === null || atLeast(c.score, old.score)) continue;
      const note = input.assessment.answers.get(c.id)?.notes?.trim();
      const explained = note !== undefined && note !== "" && note !== old.notes?.trim();
      if (!explained) unexplained.add(d.id);
      const v: Violation = { rule: "no-lower-answer", severity: explained ? "warning" : "error", path: input.assessment.answers.has(c.id) ? ["answers", c.id] : ["answers"], criterion: c.id, dimension: d.id, actual: answerNumber(c), expected: answerNumber(old) };
      if (explained) v.note = note;
      if (c.answer.kind === "number" && input.rubric.criteria.get(c.id)?.direction === "lower") v.lowerIsBetter = true;
      violations.push(v);
    }
  }
  for (const d of after.dimensions) {
    const old = before.dimensions.find((x) => x.id === d.id);
    if (old === undefined || old.score === null || d.score === null || atLeast(d.score, old.score)) continue;
    violations.push({ rule: "no-lower-dimension", severity: unexplained.has(d.id) ? "error" : "warning", path: AGENCY, dimension: d.id, actual: d.score, expected: old.score });
  }
  const order = stageOrder(input.rubric);
  const rank = (s: string | null) => (s === null ? 0 : (order.get(s) ?? 0));
  if (rank(after.stage.current) < rank(before.stage.current)) {
    violations.push(withGates({ rule: "no-lost-stage", severity: unexplained.size > 0 ? "error" : "warning", path: AGENCY, actual: after.stage.current, expected: before.stage.current }, after));
  }
  return violations;
}

/** A criterion's answer as one comparable figure: the level, 1/0, the measured value; null when unanswered. */
function answerNumber(c: Report["dimensions"][number]["criteria"][number]): number | null {
  switch (c.answer.kind) {
    case "level":
      return c.answer.level;
    case "boolean":
      return c.answer.value ? 1 : 0;
    case "number":
      return c.answer.value;
    default:
      return null;
  }
}

/** Problems for an incomplete assessment: an empty answer at its line, absent criteria at the `answers` key. */
export function completenessProblems(assessment: Assessment, rubric: Rubric, hasAnswersKey: boolean): Problem[] {
  const problems: Problem[] = [];
  const absent: string[] = [];
  for (const id of rubric.criteria.keys()) {
    const given = assessment.answers.get(id);
    if (given === undefined) absent.push(id);
    else if (given.answer.kind === "unanswered") problems.push(problemAt(["answers", id], "INCOMPLETE", `\`${id}\` is not answered`, "answer it, mark it `na` with a reason, or run with --allow-incomplete", true));
  }
  if (absent.length > 0) {
    const shown = absent.slice(0, 5).map((id) => `\`${id}\``).join(", ") + (absent.length > 5 ? ` and ${absent.length - 5} more` : "");
    problems.push(problemAt(hasAnswersKey ? ["answers"] : ["agency"], "INCOMPLETE", `no answer for ${shown}`, "answer them, mark them `na` with a reason, or run with --allow-incomplete", true));
  }
  return problems;
}

/** The exit code of a check: 2 for invalid input, else 1 for a failing violation, else 0. */
export function checkExitCode(invalid: boolean, violations: readonly Violation[], failOnWarn = false): 0 | 1 | 2 {
  if (invalid) return 2;
  return violations.some((v) => isFailing(v, failOnWarn)) ? 1 : 0;
}
