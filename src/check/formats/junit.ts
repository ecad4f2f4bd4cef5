import type { CheckResult, CheckedAgency, PlacedViolation } from "../result.js";
import type { Problem } from "../../core/problems.js";
import { ruleTitle, violationMessage } from "../messages.js";
import type { RenderContext } from "../../render/context.js";
import { escapeXml } from "../../render/escape.js";

interface Case {
  name: string;
  classname: string;
  /** Error lines: the case fails. */
  failures: string[];
  /** Warning lines: the case passes, they go to its system-out. */
  warnings: string[];
  type: string;
}

const where = (file: string, line: number, column: number) => `${file}:${line}:${column}`;

function problemText(p: Problem, file: string): string {
  return `${where(p.file ?? file, p.line ?? 1, p.column ?? 1)}  ${p.code}  ${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}

function agencyCases(file: string, a: CheckedAgency, lang: string): Case[] {
  return a.rules
    .filter((rule) => rule !== "valid-input")
    .map((rule) => {
      const own = a.violations.filter((v) => v.rule === rule);
      const text = (v: PlacedViolation) => `${where(file, v.line, v.column)}  ${violationMessage(v, a, lang)}`;
      return { name: `${rule}: ${ruleTitle(rule, lang)}`, classname: a.id, type: rule, failures: own.filter((v) => v.severity === "error").map(text), warnings: own.filter((v) => v.severity === "warning").map(text) };
    });
}

function caseXml(c: Case): string {
  const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}" time="0"`;
  if (c.failures.length === 0 && c.warnings.length === 0) return `${open}/>`;
  const parts = [`${open}>`];
  if (c.failures.length > 0) parts.push(`      <failure message="${escapeXml(c.failures[0]!)}" type="${escapeXml(c.type)}">${escapeXml(c.failures.join("\n"))}</failure>`);
  if (c.warnings.length > 0) parts.push(`      <system-out>${escapeXml(c.warnings.join("\n"))}</system-out>`);
  parts.push("    </testcase>");
  return parts.join("\n");
}

/**
 * `check --format junit`: a testsuite per file, a testcase per rule and agency (plus `valid-input` per
 * file); a violation is a failure. Every text escaped, characters XML forbids removed; no clock, no host.
 */
export function renderCheckJunit(result: CheckResult, ctx: RenderContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const f of result.files) {
    const cases: Case[] = [{ name: `valid-input: ${ruleTitle("valid-input", ctx.lang)}`, classname: f.file, type: "valid-input", failures: f.problems.filter((p) => p.severity === "error").map((p) => problemText(p, f.file)), warnings: f.problems.filter((p) => p.severity === "warning").map((p) => problemText(p, f.file)) }];
    for (const a of f.agencies) cases.push(...agencyCases(f.file, a, ctx.lang));
    const failed = cases.filter((c) => c.failures.length > 0).length;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${escapeXml(f.file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${cases.map(caseXml).join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="egov-maturity check" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join("\n")}${suites.length > 0 ? "\n" : ""}</testsuites>\n`;
}
