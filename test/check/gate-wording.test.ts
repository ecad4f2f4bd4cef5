/**
 * check words a stage held by a gate as reports do (render/gates.ts): the criterion in its own terms,
 * "Approved information-security policy: no", wherever a stage is below the policy's minimum because of it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check/run.js";
import { rubricOf } from "../helpers.js";
import { cli, tempDir } from "./helpers.js";

const rubric = rubricOf("egov-maturity@2");

/** An assessment of rubric 2 with every answer at the top, but for `changes` (YAML values). */
function topExcept(changes: Record<string, string>): string {
  const lines = ["rubric: egov-maturity@2", "agency: {id: top, name: {en: Top Agency, ar: الجهة الأولى}}", "date: 2026-11-01", "answers:"];
  for (const c of rubric.criteria.values()) {
    const top = c.type === "level" ? String(rubric.maxLevel) : c.type === "boolean" ? "true" : String(c.bands ? c.bands[0]!.min : c.direction === "lower" ? c.min! : c.max!);
    lines.push(`  ${c.id}: ${changes[c.id] ?? top}`);
  }
  return `${lines.join("\n")}\n`;
}

function violationOf(file: string, minStage: string, lang = "en") {
  return check([file], { minStage, lang, today: "2026-11-21" }).then((data) => {
    expect(data.exitCode).toBe(1);
    return data.files[0]!.agencies[0]!.violations.find((v) => v.rule === "min-stage")!;
  });
}

describe("check words the gate that holds a stage below the policy's minimum", () => {
  it("blocked: every answer at the top but no approved security policy", async () => {
    const file = join(tempDir(), "top.yaml");
    writeFileSync(file, topExcept({ "security.policy-approved": "false" }));
    expect((await violationOf(file, "execution")).message).toBe("stage Interaction (exchange) is below the minimum stage Execution (implementation); Execution (implementation) — blocked by Approved information-security policy: no");
    expect((await violationOf(file, "execution", "ar")).message).toContain("؛ مرحلة التنفيذ — يعيقها سياسة معتمدة لأمن المعلومات: لا");
    const table = cli(["check", file, "--min-stage", "execution", "--rubric", "egov-maturity@2"]);
    expect(table.stdout).toContain("min-stage  stage Interaction (exchange) is below the minimum stage Execution (implementation); Execution (implementation) — blocked by Approved information-security policy: no");
  });

  it("below the threshold with a failing gate: what the stage needs, and the gate that would still hold it", async () => {
    const changes: Record<string, string> = { "security.policy-approved": "false" };
    for (const c of rubric.dimensions.find((d) => d.id === "execution")!.criteria) changes[c.id] = c.type === "level" ? "0" : c.type === "boolean" ? "false" : String(c.direction === "lower" ? (c.max ?? 1000) : (c.min ?? 0));
    const file = join(tempDir(), "low.yaml");
    writeFileSync(file, topExcept(changes));
    const v = await violationOf(file, "execution");
    expect(v.message).toMatch(/^stage Interaction \(exchange\) is below the minimum stage Execution \(implementation\); Execution \(implementation\) — needs \d+\.\d% \(now \d+\.\d%\); and still requires Approved information-security policy: yes \(now no\)/);
  });

  it("a stage below the minimum with no gate involved reads as before", async () => {
    const changes: Record<string, string> = {};
    for (const c of rubric.dimensions.find((d) => d.id === "delivery")!.criteria) changes[c.id] = c.type === "level" ? "0" : c.type === "boolean" ? "false" : String(c.direction === "lower" ? (c.max ?? 1000) : (c.min ?? 0));
    const file = join(tempDir(), "plain.yaml");
    writeFileSync(file, topExcept(changes));
    expect((await violationOf(file, "delivery")).message).toBe("stage Execution (implementation) is below the minimum stage Delivery");
  });
});
