import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

describe("npm pack", () => {
  it("makes a package that, installed into an empty folder, reports on an example with its own rubrics and schemas", () => {
    const out = mkdtempSync(join(tmpdir(), "egov-pack-"));
    // --ignore-scripts: `npm test` has just built dist/; prepack would build again.
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", out], { cwd: ROOT, stdio: "pipe" });
    const tarball = readdirSync(out).find((f) => f.endsWith(".tgz"))!;
    const app = mkdtempSync(join(tmpdir(), "egov-app-"));
    writeFileSync(join(app, "package.json"), '{"name":"app","version":"1.0.0","private":true}');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", join(out, tarball)], { cwd: app, stdio: "pipe" });
    const files = readdirSync(join(app, "node_modules/egov-maturity"));
    expect(files).toEqual(expect.arrayContaining(["bin", "dist", "rubrics", "schemas", "package.json", "README.md"]));
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
