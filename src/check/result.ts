import type { Problem } from "../core/problems.js";
import { checkExitCode, isFailing, type RuleId, type Violation } from "../core/policy.js";
import type { Rubric } from "../core/rubric.js";
import type { LocalisedText } from "../core/text.js";

/** A violation placed at its line in the assessment file (in a workbook: the row and column of a cell of `sheet`). */
export interface PlacedViolation extends Violation {
  line: number;
  column: number;
  sheet?: string;
}

/** One agency (one YAML document) checked against the policy. */
export interface CheckedAgency {
  id: string;
  name?: LocalisedText;
  /** 0-based index of the document in its file. */
  document: number;
  rubric: Rubric;
  index: number | null;
  stage: string | null;
  /** `compared`: checked against its accepted version; `new`: none exists; `none`: no --baseline. */
  baseline: "compared" | "new" | "none";
  /** `removed`: accepted, gone from the head (a violation); `retired`: gone, as the policy allows. */
  state: "checked" | "removed" | "retired";
  /** The accepted version's agency id, when the id changed in an accepted file. */
  previousId?: string;
  /** Why the policy accepts a retirement or an id change. */
  reason?: string;
  /** The rules evaluated for this agency (JUnit: one testcase each). */
  rules: RuleId[];
  violations: PlacedViolation[];
}

/** One input file: its problems (invalid input) and its agencies that could be checked. */
export interface CheckedFile {
  file: string;
  problems: Problem[];
  agencies: CheckedAgency[];
}

/** The result of `check`: invalid files first, then the rest in input order. Carries its exit code. */
export interface CheckResult {
  files: CheckedFile[];
  /** Problems that stop the run before any file is judged: an invalid policy, an unknown baseline, bad options. */
  setup: Problem[];
  /** Accepted versions that could not be read: warnings, they do not fail the check. */
  warnings: Problem[];
  /** `git merge-base of HEAD and origin/main (…)` or a folder, when a baseline was given. */
  baseline?: string;
  /** The working folder relative to the repository root (`""` at the root, else ending in `/`): outputs name files from the root. */
  prefix: string;
  /** Warnings fail the check (--fail-on-warn). */
  failOnWarn: boolean;
  /** The tool's home page (package.json `homepage`), when it has one: SARIF's `informationUri` and rules' `helpUri`. */
  homepage?: string;
  exitCode: 0 | 1 | 2;
}

/** What a run found besides its files. */
export interface CheckExtras {
  baseline?: string | undefined;
  prefix?: string;
  failOnWarn?: boolean;
  setup?: Problem[];
  warnings?: Problem[];
}

/** Builds the result: orders invalid files first and computes the exit code. */
export function checkResult(files: CheckedFile[], extras: CheckExtras = {}): CheckResult {
  const ordered = [...files.filter((f) => f.problems.length > 0), ...files.filter((f) => f.problems.length === 0)];
  const setup = extras.setup ?? [];
  const invalid = setup.some((p) => p.severity === "error") || ordered.some((f) => f.problems.some((p) => p.severity === "error"));
  const failOnWarn = extras.failOnWarn ?? false;
  const violations = ordered.flatMap((f) => f.agencies.flatMap((a) => a.violations));
  const result: CheckResult = { files: ordered, setup, warnings: extras.warnings ?? [], prefix: extras.prefix ?? "", failOnWarn, exitCode: checkExitCode(invalid, violations, failOnWarn) };
  if (extras.baseline !== undefined) result.baseline = extras.baseline;
  return result;
}

/** True when an agency fails the check (a failing violation). */
export function agencyFails(a: CheckedAgency, failOnWarn = false): boolean {
  return a.violations.some((v) => isFailing(v, failOnWarn));
}

/** A waiver holds for this violation: shown, not failing. */
export const isWaived = (v: Violation): boolean => v.waiver !== undefined && !v.waiver.expired;

/** A file path from the repository root (forward slashes), for outputs read on a code host. */
export function repoPath(result: Pick<CheckResult, "prefix">, file: string): string {
  const slashed = file.split("\\").join("/");
  if (slashed.startsWith("<")) return slashed;
  const joined = slashed.startsWith("/") || /^[A-Za-z]:\//.test(slashed) ? slashed : `${result.prefix}${slashed}`;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** Counts for summaries. `errors` counts failing errors; waived ones are counted apart. */
export function checkCounts(result: CheckResult): { files: number; agencies: number; passed: number; failed: number; invalid: number; errors: number; warnings: number; waived: number; problems: number } {
  const agencies = result.files.flatMap((f) => f.agencies);
  const violations = agencies.flatMap((a) => a.violations);
  return {
    files: result.files.length,
    agencies: agencies.length,
    passed: agencies.filter((a) => !agencyFails(a, result.failOnWarn)).length,
    failed: agencies.filter((a) => agencyFails(a, result.failOnWarn)).length,
    invalid: result.files.filter((f) => f.problems.length > 0).length,
    errors: violations.filter((v) => v.severity === "error" && !isWaived(v)).length,
    warnings: violations.filter((v) => v.severity === "warning" && !isWaived(v)).length,
    waived: violations.filter(isWaived).length,
    problems: result.files.reduce((n, f) => n + f.problems.length, 0),
  };
}
