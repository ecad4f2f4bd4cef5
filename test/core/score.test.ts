import { describe, expect, it } from "vitest";
import type { Answer, Assessment } from "../../src/core/assessment.js";
import { normaliseRubric } from "../../src/core/rubric-check.js";
import { criterionScore, numberScore, score } from "../../src/core/score.js";
import { assessmentOf } from "../helpers.js";

// test/fixtures/mini: publication (stage, threshold 0.6, target 0.8) = pub.a (w2) + pub.b;
// execution (stage, threshold 0.5, gate security ≥ 0.5) = exe.share (0–100 %) + exe.days (0–30, lower);
// security (prerequisite, target 0.75) = sec.policy (boolean) + sec.audit (bands 80→1, 50→0.6, 0→0).
const { rubric, assessment } = assessmentOf("test/fixtures/mini/agency.yaml");

function withAnswers(base: Assessment, changes: Record<string, Answer["answer"]>): Assessment {
  const answers = new Map(base.answers);
  for (const [id, answer] of Object.entries(changes)) answers.set(id, { answer, evidence: [] });
  return { ...base, answers };
}

describe("worked example (hand-computed)", () => {
  const report = score(rubric, assessment);
  const dim = (id: string) => report.dimensions.find((d) => d.id === id)!;

  it("scores criteria, dimensions and the index", () => {
    // publication = (2·3/4 + 1·2/4) / 3 = 2/3
    expect(dim("publication").score).toBeCloseTo(2 / 3, 15);
    // execution = (80/100 + (1 − 6/30)) / 2 = 0.8
    expect(dim("execution").score).toBeCloseTo(0.8, 15);
    // security = (0 + band(60) = 0.6) / 2 = 0.3
    expect(dim("security").score).toBeCloseTo(0.3, 15);
    // I = (2/3 + 0.8 + 0.3) / 3
    expect(report.index).toBeCloseTo((2 / 3 + 0.8 + 0.3) / 3, 15);
    expect(report.classification?.id).toBe("high");
  });

  it("finds the stage and the gate that blocks the next", () => {
    expect(report.stage.current).toBe("publication");
    expect(report.stage.next).toBe("execution");
    expect(dim("execution").status).toBe("blocked");
    expect(report.stage.blockedBy).toEqual([{ dimension: "security", min: 0.5, score: expect.closeTo(0.3, 15), holds: false }]);
    expect(report.stage.shortfall).toBe(0);
  });

  it("computes gaps against targets (assessment targets override the rubric's)", () => {
    expect(dim("publication").gap).toBeCloseTo(0.8 - 2 / 3, 15);
    expect(dim("execution").gap).toBe(0); // target defaults to the threshold, 0.5
    expect(dim("security").gap).toBeCloseTo(0.45, 15);
    const overridden = score(rubric, { ...assessment, targets: { execution: 0.9 } });
    expect(overridden.dimensions.find((d) => d.id === "execution")!.gap).toBeCloseTo(0.1, 15);
  });

  it("ranks gaps by impact: the rise of I if the criterion alone reached 1", () => {
    expect(report.gaps.map((g) => g.criterion)).toEqual(["sec.policy", "sec.audit", "pub.a", "pub.b", "exe.share", "exe.days"]);
    const impact = Object.fromEntries(report.gaps.map((g) => [g.criterion, g.impact]));
    expect(impact["sec.policy"]).toBeCloseTo(1 / 2 / 3, 15); // (1 − 0) · 1/2 of security · 1/3 of I
    expect(impact["sec.audit"]).toBeCloseTo(0.4 / 2 / 3, 15);
    expect(impact["pub.a"]).toBeCloseTo((2 * 0.25) / 3 / 3, 15);
    expect(impact["exe.days"]).toBeCloseTo(0.2 / 2 / 3, 15);
  });

  it("builds the roadmap: the gate first, each step with the index and stage it brings", () => {
    expect(report.roadmap).toHaveLength(1);
    const [step] = report.roadmap;
    expect(step).toMatchObject({ criterion: "sec.policy", reason: "gate", stage: "execution", from: { kind: "boolean", value: false }, to: { kind: "boolean", value: true }, stageAfter: "execution" });
    // security becomes (1 + 0.6) / 2 = 0.8; I = (2/3 + 0.8 + 0.8) / 3
    expect(step!.index).toBeCloseTo((2 / 3 + 1.6) / 3, 15);
  });

  it("raises a level only as far as the stage needs", () => {
    const low = withAnswers(assessment, { "pub.a": { kind: "level", level: 1 }, "pub.b": { kind: "level", level: 1 } });
    const report2 = score(rubric, low);
    // publication = (2·1/4 + 1/4)/3 = 0.25; pub.a (room 2·0.75) first: to 3 gives (1.5 + 0.25)/3 = 0.583 < 0.6, to 4 gives 0.75
    // pub.a 1 → 4 reaches 0.75 ≥ 0.6, then the gate of execution.
    expect(report2.roadmap.map((s) => [s.criterion, s.to])).toEqual([
      ["pub.a", { kind: "level", level: 4 }],
      ["sec.policy", { kind: "boolean", value: true }],
    ]);
  });
});

describe("roadmap on measured quantities", () => {
  it("asks a linear number only for the value the stage needs, rounded to a whole unit", () => {
    const a = withAnswers(assessment, {
      "exe.share": { kind: "number", value: 20 },
      "exe.days": { kind: "number", value: 27 },
      "sec.policy": { kind: "boolean", value: true },
      "sec.audit": { kind: "number", value: 90 },
    });
    const report = score(rubric, a);
    // execution = (0.2 + (1 − 27/30)) / 2 = 0.15; exe.days has the most room (0.9): it needs s ≥ 0.8,
    // i.e. 30 − 0.8·30 = 6 days, and nothing more.
    expect(report.roadmap.map((s) => [s.criterion, s.to])).toEqual([["exe.days", { kind: "number", value: 6 }]]);
    expect(report.roadmap[0]!.scoreTo).toBeCloseTo(0.8, 12);
    expect(report.roadmap[0]!.stageAfter).toBe("execution");
  });
});

describe("N/A and unanswered", () => {
  it("leaves N/A criteria out of the dimension (not 0)", () => {
    const na = withAnswers(assessment, { "pub.b": { kind: "na", reason: "not run here" } });
    const report = score(rubric, na);
    expect(report.dimensions.find((d) => d.id === "publication")!.score).toBe(0.75);
    expect(report.dimensions.find((d) => d.id === "publication")!.counts).toEqual({ answered: 1, na: 1, unanswered: 0 });
    expect(report.gaps.find((g) => g.criterion === "pub.b")).toBeUndefined();
  });

  it("gives a dimension whose criteria are all N/A no score, and leaves it out of the index", () => {
    const na = withAnswers(assessment, { "sec.policy": { kind: "na", reason: "x" }, "sec.audit": { kind: "na", reason: "y" } });
    const report = score(rubric, na);
    expect(report.dimensions.find((d) => d.id === "security")!.score).toBeNull();
    expect(report.index).toBeCloseTo((2 / 3 + 0.8) / 2, 15);
    // the gate on a prerequisite without a score holds
    expect(report.stage.current).toBe("execution");
  });

  it("scores an unanswered criterion 0 and lists it", () => {
    const answers = new Map(assessment.answers);
    answers.delete("exe.share");
    const report = score(rubric, { ...assessment, answers });
    expect(report.unanswered).toEqual(["exe.share"]);
    expect(report.dimensions.find((d) => d.id === "execution")!.score).toBeCloseTo(0.4, 15);
  });
});

describe("criterion scores", () => {
  const c = (id: string) => rubric.criteria.get(id)!;
  it.each([
    [0, 0], [50, 0.5], [100, 1], [150, 1], [-10, 0],
  ])("linear higher: %d → %d", (value, expected) => expect(numberScore(c("exe.share"), value)).toBeCloseTo(expected, 15));
  it.each([
    [0, 1], [30, 0], [15, 0.5], [45, 0],
  ])("linear lower: %d → %d", (value, expected) => expect(numberScore(c("exe.days"), value)).toBeCloseTo(expected, 15));
  it.each([
    [100, 1], [80, 1], [79.9, 0.6], [50, 0.6], [49, 0], [0, 0], [-1, 0],
  ])("bands: %d → %d", (value, expected) => expect(numberScore(c("sec.audit"), value)).toBe(expected));
  it("levels are value / highest scale value; booleans 1 or 0", () => {
    expect(criterionScore(c("pub.a"), { kind: "level", level: 3 }, rubric.maxLevel)).toBe(0.75);
    expect(criterionScore(c("sec.policy"), { kind: "boolean", value: true }, rubric.maxLevel)).toBe(1);
    expect(criterionScore(c("sec.policy"), { kind: "na", reason: "r" }, rubric.maxLevel)).toBeNull();
    expect(criterionScore(c("pub.a"), { kind: "unanswered" }, rubric.maxLevel)).toBe(0);
  });
});

describe("roadmap and impact on criteria whose full score is below 1 or whose bands run low-is-better", () => {
  const file = (bands: { min: number; score: number }[], threshold: number) =>
    normaliseRubric({
      id: "t",
      version: "1.0.0",
      languages: ["en"],
      title: "T",
      scale: [{ value: 0, label: "0" }, { value: 1, label: "1" }, { value: 2, label: "2" }, { value: 3, label: "3" }],
      dimensions: [
        { id: "pub", kind: "stage", title: "Pub", threshold, criteria: [{ id: "pub.a", title: "A", type: "number", bands }] },
        { id: "exe", kind: "stage", title: "Exe", threshold: 0.75, requires: [{ dimension: "sec", min: 0.75 }], criteria: [{ id: "exe.a", title: "E", type: "boolean" }] },
        { id: "sec", kind: "prerequisite", title: "Sec", criteria: [{ id: "sec.a", title: "S", levels: { 0: "a", 1: "b", 2: "c", 3: "d" } }] },
      ],
    });
  const answers = (values: Record<string, Answer["answer"]>): Assessment => ({ agency: { id: "a", groups: {} }, targets: {}, answers: new Map(Object.entries(values).map(([k, v]) => [k, { answer: v, evidence: [] }])) });

  it("never promises a step beyond the top band: a stage that cannot be reached gets no invented step", () => {
    const r = file([{ min: 80, score: 0.8 }, { min: 0, score: 0 }], 0.9);
    const report = score(r, answers({ "pub.a": { kind: "number", value: 90 }, "exe.a": { kind: "boolean", value: true }, "sec.a": { kind: "level", level: 3 } }));
    expect(report.roadmap.filter((s) => s.criterion === "pub.a")).toEqual([]);
    // impact: a criterion already at its top band cannot raise the index
    expect(report.gaps.find((g) => g.criterion === "pub.a")).toBeUndefined();
  });

  it("asks low-is-better bands only for the band the stage needs", () => {
    const r = file([{ min: 30, score: 0 }, { min: 10, score: 0.5 }, { min: 0, score: 1 }], 0.5);
    const report = score(r, answers({ "pub.a": { kind: "number", value: 50 }, "exe.a": { kind: "boolean", value: true }, "sec.a": { kind: "level", level: 3 } }));
    expect(report.roadmap.map((s) => [s.criterion, s.to, s.scoreTo])).toEqual([["pub.a", { kind: "number", value: 10 }, 0.5]]);
  });

  it("shows a criterion raised twice from where the previous step left it", () => {
    const r = file([{ min: 0, score: 1 }], 0.5);
    const base = answers({ "pub.a": { kind: "number", value: 1 }, "exe.a": { kind: "boolean", value: false }, "sec.a": { kind: "level", level: 0 } });
    // pub needs no gate; exe needs sec ≥ 0.75 (level 3 of 3) and its own criterion
    const report = score({ ...r, dimensions: r.dimensions.map((d) => (d.id === "pub" ? { ...d, requires: [{ dimension: "sec", min: 0.3 }] } : d)) }, base);
    const secSteps = report.roadmap.filter((s) => s.criterion === "sec.a");
    expect(secSteps.map((s) => [s.from, s.to])).toEqual([
      [{ kind: "level", level: 0 }, { kind: "level", level: 1 }],
      [{ kind: "level", level: 1 }, { kind: "level", level: 3 }],
    ]);
    expect(secSteps[1]!.scoreFrom).toBeCloseTo(1 / 3, 15);
  });
});
