// The library entry: every command, one render() over one registry shape.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

  it("the README's Library example runs as written (the built package, imported by its name) and prints what the README shows", () => {
    const section = readFileSync(join(ROOT, "README.md"), "utf8").split(/^## Library$/m)[1]!;
    const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
    const code = blocks[0];
    expect(code?.[1]).toBe("js");
    const shown = blocks[blocks.indexOf(code!) + 1];
    expect(shown?.[1], "its output block right after it").toBe("");
    // Inside the package folder, so `import … from "egov-maturity"` resolves to the package itself (dist/index.js).
    mkdirSync(join(ROOT, "test-output"), { recursive: true });
    const script = join(ROOT, "test-output", "readme-library.mjs");
    writeFileSync(script, code![2]!);
    const run = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(shown![2]);
  }, 60_000);

  it("the README's Layout section has a paragraph for every folder of src/", () => {
    const layout = readFileSync(join(ROOT, "README.md"), "utf8").split(/^## Layout$/m)[1]!.split(/^## /m)[0]!;
    const folders = readdirSync(join(ROOT, "src"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect(layout, folder).toMatch(new RegExp(`^- \`src/${folder}/\``, "m"));
  });
});
