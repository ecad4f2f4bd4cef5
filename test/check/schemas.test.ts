import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { checkJsonSchema } from "../../src/check/schema.js";
import { cli, ROOT, tempDir } from "./helpers.js";

/** Third-party schemas, vendored with their licences (test/check/schemas/README.md names their sources). */
const VENDOR = join(ROOT, "test/check/schemas");
const SARIF_SCHEMA = join(VENDOR, "sarif/sarif-schema-2.1.0.json");
const JUNIT_XSD = join(VENDOR, "junit/junit-10.xsd");

/** Every format of one run over the sample repository, with violations, warnings and a waiver. */
function sampleRun(): Record<string, string> {
  const dir = tempDir();
  mkdirSync(join(dir, "out"));
  const policy = join(dir, "policy.yaml");
  writeFileSync(policy, ["min-index: 0.6", "require-evidence-from: 3", "waivers:", "  - {agency: moh, rule: min-index, reason: Programme under way, expires: 2099-01-01}"].join("\n"));
  const formats = ["json", "sarif", "junit", "codequality"] as const;
  const r = cli(["check", "examples/ci/assessments", "--policy", policy, "--today", "2026-11-21", "--format", "table", ...formats.flatMap((f) => ["--report", `${f}=${join(dir, "out", f)}`])]);
  expect(r.status).toBe(1);
  return Object.fromEntries(formats.map((f) => [f, readFileSync(join(dir, "out", f), "utf8")]));
}

describe("every JSON output of check has its schema", () => {
  it("schemas/check.schema.json is the generated one; the examples' check JSON validates (a pass, violations, a setup error)", () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, "schemas/check.schema.json"), "utf8"));
    expect(shipped).toEqual(checkJsonSchema());
    const validate = new Ajv2020.default({ strict: false }).compile(shipped);
    const runs = [
      cli(["check", "examples/ci/assessments", "--policy", "examples/ci/policy.yaml", "--format", "json"]).stdout,
      sampleRun().json!,
      cli(["check", "examples/ci/assessments", "--policy", "no-such.yaml", "--format", "json"]).stdout,
    ];
    for (const text of runs) {
      const data = JSON.parse(text);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data.schemaVersion).toBe(2);
    }
  });

  it("codequality is GitLab Code Quality JSON: description, check_name, fingerprint, severity, location.path, location.lines.begin", () => {
    const issues = JSON.parse(sampleRun().codequality!);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
      expect(i.location.path).toMatch(/^examples\/ci\/assessments\/[a-z-]+\.yaml$/);
      expect(Number.isInteger(i.location.lines.begin)).toBe(true);
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(i.severity);
    }
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.find((i: { check_name: string }) => i.check_name === "min-index").severity).toBe("info");
  });
});

describe("SARIF against the OASIS 2.1.0 schema (vendored)", () => {
  it("validates, with fingerprints, help URIs and paths relative to the repository root", () => {
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, "utf8"));
    // The schema is draft-04; it uses nothing that differs in draft-07 (no boolean exclusiveMinimum).
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const setupError = cli(["check", "examples/ci/assessments", "--policy", "no-such.yaml", "--format", "sarif"]).stdout;
    for (const text of [sampleRun().sarif!, setupError]) {
      const sarif = JSON.parse(text);
      expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(text).not.toContain("file://");
      expect(text).not.toContain(ROOT);
      for (const r of sarif.runs[0].results) {
        expect(r.partialFingerprints["egovMaturity/v1"]).toMatch(/^[0-9a-f]{32}$/);
        expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe("SRCROOT");
      }
      // The project's URL has one source, package.json `homepage`; without one, no URL is invented.
      const homepage: string | undefined = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).homepage;
      expect(sarif.runs[0].tool.driver.informationUri).toBe(homepage);
      for (const rule of sarif.runs[0].tool.driver.rules) expect(rule.helpUri).toBe(homepage);
      expect(text).not.toContain("github.com/egov-maturity");
    }
  });
});

describe("JUnit against the Jenkins junit-10.xsd (vendored; xmllint --schema)", () => {
  it("xmllint is installed (Debian/Ubuntu: apt-get install libxml2-utils; .ci/run installs it)", () => {
    expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
  });

  it("validates: a failing run and a setup error", () => {
    // Jenkins' schema predates testcase/@file, which GitLab, CircleCI and others read: the one attribute added here.
    const xsd = readFileSync(JUNIT_XSD, "utf8").replace('<xs:attribute name="classname" type="xs:string"/>', '<xs:attribute name="classname" type="xs:string"/>\n            <xs:attribute name="file" type="xs:string"/>');
    const dir = tempDir();
    writeFileSync(join(dir, "junit.xsd"), xsd);
    const setupError = cli(["check", "examples/ci/assessments", "--policy", "no-such.yaml", "--format", "junit"]).stdout;
    for (const [name, xml] of [["run.xml", sampleRun().junit!], ["setup.xml", setupError]] as const) {
      writeFileSync(join(dir, name), xml);
      const r = spawnSync("xmllint", ["--noout", "--schema", join(dir, "junit.xsd"), join(dir, name)], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(xml).not.toContain(ROOT);
    }
  });
});
