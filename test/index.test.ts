// The library entry: every command, one render() over one registry shape.
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { cli, ROOT } from "./helpers.js";

describe("src/index.ts", () => {
  it("exports the four commands, render, the registries and the per-assessment rules", () => {
    for (const name of ["report", "score", "check", "compare", "render", "scoreAssessment", "compareAssessments", "buildRoadmap", "loadAssessmentFile", "loadRubric"]) expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    for (const registry of [lib.reportFormats, lib.scoreFormats, lib.checkFormats, lib.compareFormats]) {
      expect(Object.keys(registry)).toContain("json");
      for (const renderer of Object.values(registry)) expect(typeof renderer).toBe("function");
    }
    expect(lib.reportRenderers).toBe(lib.reportFormats);
  });

  it("render() draws score's table as the CLI prints it", async () => {
    const files = ["examples/health-ministry.yaml", "examples/passport-directorate.yaml"];
    const data = await lib.score(files.map((f) => `${ROOT}${f}`), { lang: "en", workers: 1 });
    const printed = cli(["score", ...files, "--lang", "en", "--format", "markdown"]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(lib.render("markdown", data).replaceAll(ROOT, "")).toBe(printed.stdout);
    expect(JSON.parse(lib.render("json", data))).toEqual(data);
  }, 60_000);
});
