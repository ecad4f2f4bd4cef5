// The roadmap's rules, in-process: the value a step asks for is the smallest whole one that suffices.
import { describe, expect, it } from "vitest";
import { classify, score } from "../../src/core/score.js";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { ROOT } from "../helpers.js";

const RUBRIC = `${ROOT}test/fixtures/mini/rubric.yaml`;

function scored(answers: Record<string, string | number | boolean>) {
  const yaml = `agency: {id: x}\nrubric: mini\nanswers:\n${Object.entries(answers).map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  const load = loadAssessmentText(yaml, "x.yaml", { rubric: RUBRIC });
  if (load.problems.length > 0) throw new Error(JSON.stringify(load.problems));
  const { rubric, assessment } = load.assessments[0]!;
  return { rubric, report: score(rubric, assessment) };
}

describe("roadmap: level rounding of a linear number criterion", () => {
  // Publication attained, security clears the gate; execution needs 0.5. With 13 days (score 17/30),
  // the online share must score at least 13/30: 43.33… → 44 % (43 % would leave execution at 0.498).
  const base = { "pub.a": 4, "pub.b": 4, "sec.policy": true, "sec.audit": 80, "exe.days": 13, "exe.share": 0 };

  it("asks for the smallest whole value that reaches the threshold (rounded up, not to nearest)", () => {
    const { report } = scored(base);
    const step = report.roadmap.find((s) => s.criterion === "exe.share");
    expect(step?.to).toEqual({ kind: "number", value: 44 });
    expect(step?.stageAfter).toBe("execution");
    // 44 attains the stage; 43 does not.
    expect(scored({ ...base, "exe.share": 44 }).report.stage.current).toBe("execution");
    expect(scored({ ...base, "exe.share": 43 }).report.stage.current).toBe("publication");
  });

  it("for a lower-is-better criterion, rounds down", () => {
    // share 40 % (0.4): days must score at least 0.6 → at most 12 days (30 − 18).
    const { report } = scored({ ...base, "exe.share": 40, "exe.days": 30 });
    const step = report.roadmap.find((s) => s.criterion === "exe.days");
    expect(step?.to).toEqual({ kind: "number", value: 12 });
    expect(scored({ ...base, "exe.share": 40, "exe.days": 12 }).report.stage.current).toBe("execution");
    expect(scored({ ...base, "exe.share": 40, "exe.days": 13 }).report.stage.current).toBe("publication");
  });
});

describe("classification boundaries", () => {
  it("an index exactly at a band's minimum is in that band", () => {
    const { rubric } = scored({ "pub.a": 0 });
    expect(classify(rubric, 0.5)?.id).toBe("high");
    expect(classify(rubric, 0.49999)?.id).toBe("low");
    expect(classify(rubric, 0)?.id).toBe("low");
    expect(classify(rubric, null)).toBeNull();
  });

  it("a stage score exactly at its threshold attains it", () => {
    // execution = (share + days score) / 2 = (0.5 + 0.5) / 2 with share 50 % and 15 days
    const { report } = scored({ "pub.a": 4, "pub.b": 4, "sec.policy": true, "sec.audit": 80, "exe.share": 50, "exe.days": 15 });
    expect(report.dimensions.find((d) => d.id === "execution")?.score).toBe(0.5);
    expect(report.stage.current).toBe("execution");
  });

  it("a gate exactly at its minimum holds", () => {
    // security = (policy 1 + audit band 0) / 2 = 0.5 = the gate's minimum
    const { report } = scored({ "pub.a": 4, "pub.b": 4, "sec.policy": true, "sec.audit": 10, "exe.share": 100, "exe.days": 0 });
    expect(report.stage.current).toBe("execution");
  });
});
