import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

interface Packed {
  files: { path: string }[];
}

describe("npm pack", () => {
  it("ships the library once (dist, unbundled), the CLI once (dist/bundle), rubrics, schemas, LICENSE — nothing else", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
    const paths = (JSON.parse(out) as Packed[])[0]!.files.map((f) => f.path).sort();
    // Every file is in a shipped place.
    for (const p of paths) expect(p).toMatch(/^(LICENSE|README\.md|package\.json|bin\/egov-maturity\.js|dist\/.+\.(js|d\.ts|json|txt)|rubrics\/.+\.(yaml|md)|schemas\/.+\.schema\.json)$/);
    expect(paths).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "bin/egov-maturity.js", "dist/index.js", "dist/index.d.ts", "dist/bundle/main.js", "dist/bundle/worker.js", "dist/report/run.js", "dist/compare/run.js", "dist/rubric-cache/egov-maturity.json", "rubrics/egov-maturity.yaml", "schemas/report.schema.json"]));
    // One CLI build: the bundle; tsc's copy of src/cli (and the interactive assess) is not shipped.
    expect(paths.filter((p) => /^dist\/(cli|assess)\//.test(p))).toEqual([]);
    // No test, source or config file.
    expect(paths.filter((p) => /^(src|test|bench|scripts)\/|\.ts$(?<!\.d\.ts)|tsconfig/.test(p))).toEqual([]);
    // The library's runtime dependencies only: the CLI bundle inlines its own (commander, the prompts).
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["chalk", "cli-table3", "docx", "exceljs", "picomatch", "string-width", "yaml", "zod"]);
  }, 60_000);

  it("makes a package that, installed into an empty folder, reports on an example with its own rubrics and schemas", () => {
    const out = mkdtempSync(join(tmpdir(), "egov-pack-"));
    // --ignore-scripts: `npm test` has just built dist/; prepack would build again.
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", out], { cwd: ROOT, stdio: "pipe" });
    const tarball = readdirSync(out).find((f) => f.endsWith(".tgz"))!;
    const app = mkdtempSync(join(tmpdir(), "egov-app-"));
    writeFileSync(join(app, "package.json"), '{"name":"app","version":"1.0.0","private":true}');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", join(out, tarball)], { cwd: app, stdio: "pipe" });
    const files = readdirSync(join(app, "node_modules/egov-maturity"));
    expect(files).toEqual(expect.arrayContaining(["bin", "dist", "rubrics", "schemas", "package.json", "README.md", "LICENSE"]));
    copyFileSync(join(ROOT, "examples/passport-directorate.yaml"), join(app, "agency.yaml"));
    const result = spawnSync(join(app, "node_modules/.bin/egov-maturity"), ["report", "agency.yaml", "--format", "json"], { cwd: app, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).agency.id).toBe("moi-passports");
    const lib = spawnSync(process.execPath, ["--input-type=module", "-e", "import { scoreAssessment, loadAssessmentFile, report } from 'egov-maturity'; const l = loadAssessmentFile('agency.yaml'); console.log(scoreAssessment(l.assessments[0].rubric, l.assessments[0].assessment).stage.current, (await report('agency.yaml')).stage.current);"], { cwd: app, encoding: "utf8" });
    expect(lib.stderr).toBe("");
    expect(lib.stdout.trim()).toBe("execution execution");
  }, 240_000);
});
