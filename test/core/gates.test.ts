import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Answer, Assessment } from "../../src/core/assessment.js";
import { checkRubric, normaliseRubric } from "../../src/core/rubric-check.js";
import { RubricFileSchema, type RubricFile } from "../../src/core/rubric-schema.js";
import { score } from "../../src/core/score.js";
import { gateRequirement, phraseText } from "../../src/render/gates.js";
import { nextStageSentence, summarise } from "../../src/report/summary.js";
import { ROOT } from "../helpers.js";

// The mini rubric with execution gated on one criterion (sec.policy: yes) besides the security average,
// and publication gated on pub.b ≥ level 3.
function miniWith(requires: RubricFile["dimensions"][number]["requires"], publicationRequires?: RubricFile["dimensions"][number]["requires"]): RubricFile {
  const file = RubricFileSchema.parse(parse(readFileSync(`${ROOT}test/fixtures/mini/rubric.yaml`, "utf8")));
  const dims = file.dimensions.map((d) => (d.id === "execution" ? { ...d, requires } : d.id === "publication" && publicationRequires ? { ...d, requires: publicationRequires } : d));
  return { ...file, dimensions: dims };
}

const file = miniWith([{ dimension: "security", min: 0.5 }, { criterion: "sec.policy", min: 1 }]);
const rubric = normaliseRubric(file);

function assess(answers: Record<string, Answer["answer"]>): Assessment {
  const map = new Map<string, Answer>();
  for (const [id, answer] of Object.entries(answers)) map.set(id, { answer, evidence: [] });
  return { agency: { id: "x", groups: {} }, targets: {}, answers: map };
}

// Publication at the top; execution's averages pass; security's average passes without the policy.
const top = { "pub.a": { kind: "level", level: 4 }, "pub.b": { kind: "level", level: 4 }, "exe.share": { kind: "number", value: 100 }, "exe.days": { kind: "number", value: 0 }, "sec.audit": { kind: "number", value: 90 } } as const;

describe("criterion gates", () => {
  it("block a stage whose averages pass while the gated criterion is below its minimum", () => {
    const report = score(rubric, assess({ ...top, "sec.policy": { kind: "boolean", value: false }, "sec.audit": { kind: "number", value: 100 } }));
    // security = (0 + 1) / 2 = 0.5: the dimension gate holds, the criterion gate fails.
    expect(report.dimensions.find((d) => d.id === "security")!.score).toBe(0.5);
    expect(report.stage.current).toBe("publication");
    expect(report.stages.find((s) => s.id === "execution")!.status).toBe("blocked");
    expect(report.stage.blockedBy).toEqual([{ criterion: "sec.policy", min: 1, score: 0, holds: false }]);
    expect(report.stage.pendingGates).toEqual([]);
    const summary = summarise(report, "en");
    expect(nextStageSentence(summary, "en")).toBe("Execution — blocked by Policy: no");
    expect(nextStageSentence(summarise(report, "ar"), "ar")).toBe("مرحلة التنفيذ — يعيقها Policy: لا");
  });

  it("hold when the gated criterion is N/A, and fail when it is unanswered", () => {
    const na = score(rubric, assess({ ...top, "sec.policy": { kind: "na", reason: "no systems" } }));
    expect(na.stage.current).toBe("execution");
    expect(na.stages.find((s) => s.id === "execution")!.gates.find((g) => "criterion" in g)).toEqual({ criterion: "sec.policy", min: 1, score: null, holds: true });
    const unanswered = score(rubric, assess({ ...top }));
    expect(unanswered.stage.current).toBe("publication");
    expect(nextStageSentence(summarise(unanswered, "en"), "en")).toBe("Execution — blocked by Policy: unanswered");
    // Unanswered fails even a gate at 0.
    const zero = normaliseRubric(miniWith([{ criterion: "sec.policy", min: 0 }]));
    expect(score(zero, assess({ ...top })).stage.current).toBe("publication");
    expect(score(zero, assess({ ...top, "sec.policy": { kind: "boolean", value: false } })).stage.current).toBe("execution");
  });

  it("hold with the gated criterion at its minimum", () => {
    const report = score(rubric, assess({ ...top, "sec.policy": { kind: "boolean", value: true } }));
    expect(report.stage.current).toBe("execution");
    expect(report.stage.next).toBeNull();
  });

  it("are not 'blocked by' for a stage below its threshold: they are listed as still required", () => {
    const report = score(rubric, assess({ ...top, "exe.share": { kind: "number", value: 0 }, "exe.days": { kind: "number", value: 30 }, "sec.policy": { kind: "boolean", value: false } }));
    expect(report.stages.find((s) => s.id === "execution")!.status).toBe("below-threshold");
    expect(report.stage.blockedBy).toEqual([]);
    expect(report.stage.pendingGates).toEqual([{ criterion: "sec.policy", min: 1, score: 0, holds: false }]);
    expect(nextStageSentence(summarise(report, "en"), "en")).toBe("Execution — needs 50.0% (now 0.0%); and still requires Policy: yes (now no)");
  });

  it("come first in the roadmap, raised just to the answer they need", () => {
    const report = score(rubric, assess({ ...top, "sec.policy": { kind: "boolean", value: false }, "sec.audit": { kind: "number", value: 100 } }));
    expect(report.roadmap[0]).toMatchObject({ criterion: "sec.policy", reason: "gate", stage: "execution", to: { kind: "boolean", value: true }, stageAfter: "execution" });
    expect(report.roadmap).toHaveLength(1);
  });

  it("name a level criterion's gate by its scale label", () => {
    const gated = normaliseRubric(miniWith([], [{ criterion: "pub.b", min: 0.7 }]));
    expect(phraseText(gateRequirement(gated, { criterion: "pub.b", min: 0.7 }, "en"))).toBe("B ≥ Established (3)");
    const report = score(gated, assess({ ...top, "pub.b": { kind: "level", level: 2 } }));
    // publication = (2·1 + 0.5) / 3 ≈ 0.83 ≥ 0.6, but pub.b is at level 2.
    expect(report.stage.current).toBeNull();
    expect(nextStageSentence(summarise(report, "en"), "en")).toBe("Publication — blocked by B: Developing (2) < Established (3)");
    expect(report.roadmap[0]).toMatchObject({ criterion: "pub.b", reason: "gate", to: { kind: "level", level: 3 } });
  });

  it("name a criterion of the rubric, with a did-you-mean hint", () => {
    const problems = checkRubric(miniWith([{ criterion: "sec.polcy", min: 1 }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "UNKNOWN_CRITERION", path: ["dimensions", 1, "requires", 0, "criterion"] });
    expect(problems[0]!.hint).toContain("sec.policy");
  });
});
