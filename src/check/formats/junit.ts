import { isWaived, repoPath, type CheckResult, type CheckedAgency, type PlacedViolation } from "../result.js";
import { RULE_IDS, isFailing } from "../../core/policy.js";
import type { Problem } from "../../core/problems.js";
import { ruleTitle, violationText } from "../messages.js";
import { placeText, problemPlace } from "../where.js";
import type { RenderContext } from "../../render/context.js";
import { escapeXml } from "../../render/escape.js";
import { t } from "../../i18n/index.js";

interface Case {
  name: string;
  classname: string;
  /** The file from the repository root (the `file` attribute CI servers link to). */
  file: string;
  /** Failing lines: the case fails. */
  failures: string[];
  /** Invalid input or a run that could not start: the case is in error. */
  errors: string[];
  /** Warnings and waived violations: the case passes, they go to its system-out. */
  notes: string[];
  /** The rule does not apply to this agency: the case is skipped with this message. */
  skipped?: string;
  type: string;
}

function problemText(p: Problem, file: string): string {
  return `${problemPlace(p, file)}  ${p.code}  ${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}

function agencyCases(result: CheckResult, file: string, a: CheckedAgency, lang: string): Case[] {
  const path = repoPath(result, file);
  return RULE_IDS.filter((rule) => rule !== "valid-input").flatMap((rule): Case[] => {
    const base = { name: `${rule}: ${ruleTitle(rule, lang)}`, classname: a.id, file: path, type: rule, errors: [] };
    // agency-removed is judged on the accepted agencies gone from the head, not on the others.
    if (!a.rules.includes(rule)) return a.state === "checked" && rule !== "agency-removed" ? [{ ...base, failures: [], notes: [], skipped: t(lang, "check.skipped") }] : [];
    const own = a.violations.filter((v) => v.rule === rule);
    const text = (v: PlacedViolation) => `${placeText(file, v)}  ${violationText(v, a, lang)}`;
    return [{ ...base, failures: own.filter((v) => isFailing(v, result.failOnWarn)).map(text), notes: own.filter((v) => !isFailing(v, result.failOnWarn)).map(text) }];
  });
}

function caseXml(c: Case): string {
  const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}"${c.file !== "" ? ` file="${escapeXml(c.file)}"` : ""} time="0"`;
  if (c.failures.length === 0 && c.errors.length === 0 && c.notes.length === 0 && c.skipped === undefined) return `${open}/>`;
  const parts = [`${open}>`];
  if (c.skipped !== undefined) parts.push(`      <skipped message="${escapeXml(c.skipped)}"/>`);
  if (c.errors.length > 0) parts.push(`      <error message="${escapeXml(c.errors[0]!)}" type="${escapeXml(c.type)}">${escapeXml(c.errors.join("\n"))}</error>`);
  if (c.failures.length > 0) parts.push(`      <failure message="${escapeXml(c.failures[0]!)}" type="${escapeXml(c.type)}">${escapeXml(c.failures.join("\n"))}</failure>`);
  if (c.notes.length > 0) parts.push(`      <system-out>${escapeXml(c.notes.join("\n"))}</system-out>`);
  parts.push("    </testcase>");
  return parts.join("\n");
}

function suiteXml(name: string, cases: Case[]): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  const failures = cases.filter((c) => c.failures.length > 0 && c.errors.length === 0).length;
  const errors = cases.filter((c) => c.errors.length > 0).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const file = cases[0]?.file ?? "";
  const xml = `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0"${file !== "" ? ` file="${escapeXml(file)}"` : ""}>\n${cases.map(caseXml).join("\n")}\n  </testsuite>`;
  return { xml, tests: cases.length, failures, errors, skipped };
}

/**
 * `check --format junit`: a testsuite per file, a testcase per rule and agency (plus `valid-input` per
 * file): a violation is a failure, invalid input an error, a rule the policy does not set for the agency
 * is skipped; a run that could not start is one suite with an error. Every text escaped, characters XML
 * forbids removed; no clock, no host.
 */
export function renderCheckJunit(result: CheckResult, ctx: RenderContext): string {
  const suites: ReturnType<typeof suiteXml>[] = [];
  if (result.setup.length > 0) {
    const errors = result.setup.map((p) => problemText(p, "<options>"));
    const file = result.setup[0]!.file;
    suites.push(suiteXml("setup", [{ name: `setup: ${t(ctx.lang, "check.setupFailed")}`, classname: "egov-maturity", file: file === undefined || file.startsWith("<") ? "" : repoPath(result, file), type: result.setup[0]!.code, failures: [], errors, notes: [] }]));
  }
  for (const f of result.files) {
    const problems = (severity: Problem["severity"]) => f.problems.filter((p) => p.severity === severity).map((p) => problemText(p, f.file));
    const cases: Case[] = [{ name: `valid-input: ${ruleTitle("valid-input", ctx.lang)}`, classname: f.file, file: repoPath(result, f.file), type: "valid-input", failures: [], errors: problems("error"), notes: problems("warning") }];
    for (const a of f.agencies) cases.push(...agencyCases(result, f.file, a, ctx.lang));
    suites.push(suiteXml(f.file, cases));
  }
  const sum = (k: "tests" | "failures" | "errors" | "skipped") => suites.reduce((n, s) => n + s[k], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="egov-maturity check" tests="${sum("tests")}" failures="${sum("failures")}" errors="${sum("errors")}" time="0">\n${suites.map((s) => s.xml).join("\n")}${suites.length > 0 ? "\n" : ""}</testsuites>\n`;
}
