// The policy rules of core/policy.ts, in-process: boundaries are inclusive, ages counted in days.
import { describe, expect, it } from "vitest";
import { daysBetween, evaluatePolicy, type PolicyRules } from "../../src/core/policy.js";
import { score } from "../../src/core/score.js";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { ROOT } from "../helpers.js";

const RUBRIC = `${ROOT}test/fixtures/mini/rubric.yaml`;
const ALL = { "pub.a": 4, "pub.b": 4, "sec.policy": true, "sec.audit": 80, "exe.share": 50, "exe.days": 15 };

function check(answers: Record<string, string | number | boolean>, rules: Partial<PolicyRules>, date = "2026-06-01") {
  const yaml = `agency: {id: x}\nrubric: mini\ndate: ${date}\nanswers:\n${Object.entries(answers).map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  const load = loadAssessmentText(yaml, "x.yaml", { rubric: RUBRIC });
  if (load.problems.length > 0) throw new Error(JSON.stringify(load.problems));
  const { rubric, assessment } = load.assessments[0]!;
  const report = score(rubric, assessment);
  return { report, violations: evaluatePolicy({ assessment, rubric, report, today: "2026-06-01" }, { min: {}, forbidNa: [], ...rules }) };
}

describe("policy rules", () => {
  it("min-index: an index exactly at the minimum passes; just below fails", () => {
    const { report } = check(ALL, {});
    const index = report.index!;
    expect(check(ALL, { minIndex: index }).violations).toEqual([]);
    expect(check(ALL, { minIndex: index + 0.001 }).violations.map((v) => v.rule)).toEqual(["min-index"]);
  });

  it("min-stage: the attained stage passes, a later one fails; none always passes", () => {
    expect(check(ALL, { minStage: "execution" }).violations).toEqual([]);
    expect(check({ ...ALL, "exe.share": 0 }, { minStage: "execution" }).violations).toMatchObject([{ rule: "min-stage", actual: "publication", expected: "execution" }]);
    expect(check({ "pub.a": 0 }, { minStage: "none" }).violations).toEqual([]);
  });

  it("min-dimension: exactly at the minimum passes", () => {
    // execution = 0.5
    expect(check(ALL, { min: { execution: 0.5 } }).violations).toEqual([]);
    expect(check(ALL, { min: { execution: 0.51 } }).violations).toMatchObject([{ rule: "min-dimension", dimension: "execution", actual: 0.5, expected: 0.51 }]);
  });

  it("require-evidence: from the level named, inclusive", () => {
    expect(check({ ...ALL, "pub.a": 3 }, { requireEvidenceFrom: 4 }).violations.map((v) => v.criterion)).toEqual(["pub.b"]);
    expect(check({ ...ALL, "pub.a": 3, "pub.b": 3 }, { requireEvidenceFrom: 4 }).violations).toEqual([]);
  });

  it("evidence-age: a piece exactly max days old passes; one day older fails", () => {
    const withEvidence = (date: string) => ({ ...ALL, "pub.a": `{level: 4, evidence: [{note: minutes, date: ${date}}]}` });
    expect(daysBetween("2025-06-01", "2026-06-01")).toBe(365);
    expect(check(withEvidence("2025-06-01"), { maxEvidenceAge: 365 }).violations).toEqual([]);
    expect(check(withEvidence("2025-05-31"), { maxEvidenceAge: 365 }).violations).toMatchObject([{ rule: "evidence-age", criterion: "pub.a", actual: 366, expected: 365 }]);
  });

  it("forbid-na: N/A on a listed criterion is a violation, on another is not", () => {
    const na = { ...ALL, "sec.audit": "{na: no audit office}" };
    expect(check(na, { forbidNa: ["sec.audit"] }).violations).toMatchObject([{ rule: "forbid-na", criterion: "sec.audit" }]);
    expect(check(na, { forbidNa: ["sec.policy"] }).violations).toEqual([]);
  });
});
