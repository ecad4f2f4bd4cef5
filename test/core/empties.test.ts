import { describe, expect, it } from "vitest";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { score } from "../../src/core/score.js";
import { ROOT } from "../helpers.js";

describe("empty answers read alike", () => {
  it("`answers:` holding only comments reads like `answers: {}`", () => {
    const load = loadAssessmentFile(`${ROOT}test/fixtures/empties/comments-only.yaml`);
    expect(load.problems).toEqual([]);
    const { rubric, assessment } = load.assessments[0]!;
    expect(score(rubric, assessment).unanswered).toHaveLength(rubric.criteria.size);
  });

  it("`{level: null}`, `{level: }`, `{value: }` and a bare `id:` are unanswered", () => {
    const load = loadAssessmentFile(`${ROOT}test/fixtures/empties/null-answers.yaml`);
    expect(load.problems).toEqual([]);
    const { rubric, assessment } = load.assessments[0]!;
    for (const id of ["pub.a", "pub.b", "exe.share", "sec.policy", "sec.audit"]) expect(assessment.answers.get(id)?.answer).toEqual({ kind: "unanswered" });
    expect(assessment.answers.get("sec.audit")?.notes).toBe("measured next month");
    expect(score(rubric, assessment).unanswered).toHaveLength(rubric.criteria.size);
  });
});

describe("report --agency in a file with an invalid document", () => {
  it("reports the agency asked for and names the other document's problems as warnings", async () => {
    const { cli } = await import("../helpers.js");
    const good = cli(["report", "test/fixtures/empties/two-agencies.yaml", "--agency", "good", "--lang", "en"]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("· good");
    expect(good.stderr).toMatch(/two-agencies\.yaml:9:10 +warning +LEVEL_OUT_OF_RANGE/);
    const bad = cli(["report", "test/fixtures/empties/two-agencies.yaml", "--agency", "bad"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/two-agencies\.yaml:9:10 +error +LEVEL_OUT_OF_RANGE/);
  });
});
