import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRubric } from "../../src/core/rubric-check.js";
import { RubricFileSchema } from "../../src/core/rubric-schema.js";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { cli, ROOT } from "../helpers.js";

// test/fixtures/ranged: the mini rubric with exe.share range [0, 100] and exe.days range [0, null].
const AGENCY = "test/fixtures/ranged/agency.yaml";

describe("declared ranges of number criteria", () => {
  it("refuse a value outside, at its line, for every criterion it concerns", () => {
    const load = loadAssessmentFile(`${ROOT}${AGENCY}`);
    const codes = load.problems.map((p) => [p.code, p.line, p.message]);
    expect(codes).toEqual([
      ["VALUE_OUT_OF_RANGE", 7, "120% is outside the admissible values of `exe.share` (0% to 100%)"],
      ["VALUE_OUT_OF_RANGE", 8, "-2 is outside the admissible values of `exe.days` (0 or more)"],
    ]);
  });

  it("admit the bounds themselves and anything past an open end; without a range, values are clamped", () => {
    const load = loadAssessmentFile(`${ROOT}test/fixtures/ranged/fine.yaml`);
    expect(load.problems).toEqual([]);
    // exe.days 45 is above the linear max 30: clamped to the worst score, not refused.
    const mini = loadAssessmentFile(`${ROOT}test/fixtures/mini/agency.yaml`);
    expect(mini.problems).toEqual([]);
  });

  it("refuse a rubric whose range is empty, or whose linear span overflows (no NaN scores)", () => {
    const base = { id: "x", version: "1.0.0", languages: ["en"], title: "X", scale: [{ value: 0, label: "a" }, { value: 1, label: "b" }] };
    const number = (extra: Record<string, unknown>) => RubricFileSchema.parse({ ...base, dimensions: [{ id: "d", kind: "pillar", title: "D", criteria: [{ id: "n", title: "N", type: "number", ...extra }] }] });
    expect(checkRubric(number({ min: -1e308, max: 1e308 })).map((p) => p.code)).toEqual(["SPAN_TOO_LARGE"]);
    expect(checkRubric(number({ min: 0, max: 10, range: [5, 1] })).map((p) => p.code)).toEqual(["RANGE_EMPTY"]);
    expect(checkRubric(number({ min: 0, max: 10, range: [null, null] }))).toEqual([]);
    expect(checkRubric({ ...number({ min: 0, max: 1 }), dimensions: [{ id: "d", kind: "pillar", title: "D", criteria: [{ id: "l", title: "L", levels: { 0: "a", 1: "b" }, range: [0, 1] }] }] }).map((p) => p.code)).toEqual(["NUMBER_ONLY"]);
  });

  it("are enforced by every command that reads answers: validate, report, score (batch), check, import", () => {
    const expectRefused = (r: { stdout: string; stderr: string; code: number | null }) => {
      expect(r.code).toBe(2);
      const said = r.stdout + r.stderr; // check lists invalid files with its result on stdout
      expect(said).toMatch(/agency\.yaml:7:\d+ +error +VALUE_OUT_OF_RANGE/);
      expect(said).not.toMatch(/at .*\.js:\d+/);
    };
    expectRefused(cli(["validate", AGENCY]));
    expectRefused(cli(["report", AGENCY]));
    expectRefused(cli(["check", AGENCY]));
    // score over a folder takes the batch path; the out-of-range file is refused, the valid one scored.
    const batch = cli(["score", "test/fixtures/ranged/agency.yaml", "test/fixtures/ranged/fine.yaml", "--format", "json"]);
    expect(batch.stderr).toMatch(/agency\.yaml:7:\d+ +error +VALUE_OUT_OF_RANGE/);
    expect(batch.stdout).not.toContain('"r1"');
    expect(batch.stdout).toContain('"r2"');
    const out = mkdtempSync(join(tmpdir(), "ranged-"));
    try {
      const imported = cli(["import", "test/fixtures/ranged/agencies.csv", "--rubric", "test/fixtures/ranged/rubric.yaml", "--out", out]);
      expect(imported.code).toBe(2);
      expect(imported.stderr).toMatch(/agencies\.csv:2:\d+ +error +VALUE_OUT_OF_RANGE/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
