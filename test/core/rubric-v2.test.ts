import { describe, expect, it } from "vitest";
import type { Answer, Assessment } from "../../src/core/assessment.js";
import { score } from "../../src/core/score.js";
import { nextStageSentence, summarise } from "../../src/report/summary.js";
import { cli, rubricOf } from "../helpers.js";

const rubric = rubricOf("egov-maturity");

/** Every criterion at its top answer, with some changes. */
function topExcept(changes: Record<string, Answer["answer"]>): Assessment {
  const answers = new Map<string, Answer>();
  for (const c of rubric.criteria.values()) {
    const top: Answer["answer"] =
      c.type === "level" ? { kind: "level", level: rubric.maxLevel } : c.type === "boolean" ? { kind: "boolean", value: true } : { kind: "number", value: c.bands ? c.bands[0]!.min : c.direction === "lower" ? c.min! : c.max! };
    answers.set(c.id, { answer: changes[c.id] ?? top, evidence: [] });
  }
  return { agency: { id: "top", groups: {} }, targets: {}, answers };
}

describe("default rubric 2.0", () => {
  it("is 2.0.0, and egov-maturity@1 still resolves to the 1.x rubric", () => {
    expect(rubric.version).toBe("2.0.0");
    expect(rubricOf("egov-maturity@1").version).toMatch(/^1\./);
    expect(rubricOf("egov-maturity@2").version).toBe("2.0.0");
  });

  it("does not reach execution without an approved security policy, and says so in those words", () => {
    const report = score(rubric, topExcept({ "security.policy-approved": { kind: "boolean", value: false } }));
    expect(report.dimensions.find((d) => d.id === "security")!.score).toBeGreaterThan(0.8);
    expect(report.stage.current).toBe("interaction");
    expect(report.stage.next).toBe("execution");
    expect(report.stage.blockedBy).toEqual([{ criterion: "security.policy-approved", min: 1, score: 0, holds: false }]);
    expect(nextStageSentence(summarise(report, "en"), "en")).toBe("Execution (implementation) — blocked by Approved information-security policy: no");
    expect(nextStageSentence(summarise(report, "ar"), "ar")).toContain("يعيقها سياسة معتمدة لأمن المعلومات: لا");
    expect(report.roadmap[0]).toMatchObject({ criterion: "security.policy-approved", reason: "gate", stage: "execution" });
  });

  it("gates execution on legal recognition and delivery on interoperability standards and data protection at level 3", () => {
    const legal = score(rubric, topExcept({ "strategy.legal-framework": { kind: "level", level: 2 } }));
    expect(legal.stage.current).toBe("interaction");
    expect(nextStageSentence(summarise(legal, "en"), "en")).toContain("Legal and regulatory framework: Developing (2) < Established (3)");
    const standards = score(rubric, topExcept({ "infrastructure.common-standards": { kind: "level", level: 2 }, "security.data-protection": { kind: "level", level: 2 } }));
    expect(standards.stage.current).toBe("execution");
    expect(standards.stage.blockedBy.map((g) => ("criterion" in g ? g.criterion : g.dimension))).toEqual(["infrastructure.common-standards", "security.data-protection"]);
    // The outcomes pillar gates nothing: at 0 the top stage is still reached.
    const noOutcomes = score(rubric, topExcept({ "outcomes.online-take-up": { kind: "number", value: 0 }, "outcomes.satisfaction": { kind: "number", value: 0 }, "outcomes.within-standard": { kind: "number", value: 0 }, "outcomes.cost-per-transaction": { kind: "boolean", value: false } }));
    expect(noOutcomes.stage.current).toBe("delivery");
  });

  it("lists international indicators for every criterion, and declares a range on every number criterion", () => {
    for (const c of rubric.criteria.values()) {
      expect(c.refs.length, c.id).toBeGreaterThan(0);
      if (c.type === "number") expect(c.range, c.id).toBeDefined();
    }
  });

  it("validates clean, with the 1.x rubric beside it", () => {
    const r = cli(["validate", "rubrics/"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rubrics/egov-maturity@1.yaml");
  });
});
