import { isFailing } from "../../core/policy.js";
import type { Problem } from "../../core/problems.js";
import { isWaived, repoPath, type CheckResult } from "../result.js";
import { violationText } from "../messages.js";
import { withCell } from "../where.js";
import type { RenderContext } from "../../render/context.js";
import { fingerprint } from "./fingerprint.js";

/** One GitLab Code Quality issue (the subset of Code Climate's format GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number } };
}

/**
 * `check --format codequality`: GitLab Code Quality JSON, which GitLab shows inline in merge requests
 * (`artifacts: reports: codequality: gl-code-quality.json`). Paths from the repository root; a failing
 * violation is major, invalid input critical, a warning minor, a waived violation info.
 */
export function renderCheckCodequality(result: CheckResult, ctx: RenderContext): string {
  const issues: CodeQualityIssue[] = [];
  const problem = (p: Problem, file: string) => {
    const path = repoPath(result, p.file ?? file);
    issues.push({ description: withCell(`${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`, p), check_name: p.code, fingerprint: fingerprint(["problem", path, p.code, p.message, String(p.line ?? 1)]), severity: p.severity === "error" ? "critical" : "minor", location: { path, lines: { begin: p.line ?? 1 } } });
  };
  for (const p of result.setup) problem(p, p.file ?? "<options>");
  for (const f of result.files) for (const p of f.problems) problem(p, f.file);
  for (const f of result.files) {
    const path = repoPath(result, f.file);
    for (const a of f.agencies) {
      for (const v of a.violations) {
        const severity = isWaived(v) ? "info" : isFailing(v, result.failOnWarn) ? "major" : "minor";
        issues.push({ description: withCell(`${a.id}: ${violationText(v, a, ctx.lang)}`, v), check_name: v.rule, fingerprint: fingerprint([v.rule, path, a.id, v.criterion ?? "", v.dimension ?? ""]), severity, location: { path, lines: { begin: v.line } } });
      }
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
