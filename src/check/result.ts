import type { Problem } from "../core/problems.js";
import { checkExitCode, type RuleId, type Violation } from "../core/policy.js";
import type { Rubric } from "../core/rubric.js";
import type { LocalisedText } from "../core/text.js";

/** A violation placed at its line in the assessment file. */
export interface PlacedViolation extends Violation {
  line: number;
  column: number;
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
  /** `git origin/main` or a folder, when a baseline was given. */
  baseline?: string;
  exitCode: 0 | 1 | 2;
}

/** What a run found besides its files. */
export interface CheckExtras {
  baseline?: string | undefined;
  setup?: Problem[];
  warnings?: Problem[];
}

/** Builds the result: orders invalid files first and computes the exit code. */
export function checkResult(files: CheckedFile[], extras: CheckExtras = {}): CheckResult {
  const ordered = [...files.filter((f) => f.problems.length > 0), ...files.filter((f) => f.problems.length === 0)];
  const setup = extras.setup ?? [];
  const invalid = setup.some((p) => p.severity === "error") || ordered.some((f) => f.problems.some((p) => p.severity === "error"));
  const result: CheckResult = { files: ordered, setup, warnings: extras.warnings ?? [], exitCode: checkExitCode(invalid, ordered.flatMap((f) => f.agencies.flatMap((a) => a.violations))) };
  if (extras.baseline !== undefined) result.baseline = extras.baseline;
  return result;
}

/** Counts for summaries. */
export function checkCounts(result: CheckResult): { files: number; agencies: number; passed: number; failed: number; invalid: number; errors: number; warnings: number; problems: number } {
  const agencies = result.files.flatMap((f) => f.agencies);
  const violations = agencies.flatMap((a) => a.violations);
  return {
    files: result.files.length,
    agencies: agencies.length,
    passed: agencies.filter((a) => !a.violations.some((v) => v.severity === "error")).length,
    failed: agencies.filter((a) => a.violations.some((v) => v.severity === "error")).length,
    invalid: result.files.filter((f) => f.problems.length > 0).length,
    errors: violations.filter((v) => v.severity === "error").length,
    warnings: violations.filter((v) => v.severity === "warning").length,
    problems: result.files.reduce((n, f) => n + f.problems.length, 0),
  };
}
