import { agencyFails, checkCounts, type CheckResult } from "../result.js";
import { isFailing } from "../../core/policy.js";
import { violationMessage } from "../messages.js";
import type { CheckJson } from "../schema.js";
import type { Problem } from "../../core/problems.js";
import type { RenderContext } from "../../render/context.js";

export type { CheckJson } from "../schema.js";

function problemJson(p: Problem, file: string): CheckJson["setup"][number] {
  const json: CheckJson["setup"][number] = { code: p.code, severity: p.severity, message: p.message, hint: p.hint ?? null, file: p.file ?? file, line: p.line ?? 1, column: p.column ?? 1, document: p.document ?? 0 };
  if (p.sheet !== undefined) json.sheet = p.sheet;
  return json;
}

/** `check --format json`: the verdict for machines; every score a full-precision fraction. */
export function checkToJson(result: CheckResult, ctx: RenderContext): CheckJson {
  return {
    schemaVersion: 2,
    tool: { name: "egov-maturity", version: ctx.toolVersion },
    exitCode: result.exitCode,
    passed: result.exitCode === 0,
    baseline: result.baseline ?? null,
    failOnWarn: result.failOnWarn,
    summary: checkCounts(result),
    setup: result.setup.map((p) => problemJson(p, "<options>")),
    warnings: result.warnings.map((p) => problemJson(p, "<baseline>")),
    files: result.files.map((f) => ({
      file: f.file,
      valid: f.problems.length === 0,
      problems: f.problems.map((p) => problemJson(p, f.file)),
      agencies: f.agencies.map((a) => ({
        id: a.id,
        document: a.document,
        index: a.index,
        stage: a.stage,
        baseline: a.baseline,
        state: a.state,
        previousId: a.previousId ?? null,
        reason: a.reason ?? null,
        passed: !agencyFails(a, result.failOnWarn),
        rules: a.rules,
        violations: a.violations.map((v) => ({
          rule: v.rule,
          severity: v.severity,
          message: violationMessage(v, a, ctx.lang),
          line: v.line,
          column: v.column,
          ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
          path: v.path,
          criterion: v.criterion ?? null,
          dimension: v.dimension ?? null,
          actual: v.actual ?? null,
          expected: v.expected ?? null,
          note: v.note ?? null,
          waiver: v.waiver ? { reason: v.waiver.reason, expires: v.waiver.expires, approvedBy: v.waiver.approvedBy ?? null, expired: v.waiver.expired } : null,
          failing: isFailing(v, result.failOnWarn),
        })),
      })),
    })),
  };
}

/** `check --format json` as text. */
export function renderCheckJson(result: CheckResult, ctx: RenderContext): string {
  return `${JSON.stringify(checkToJson(result, ctx), null, 2)}\n`;
}
