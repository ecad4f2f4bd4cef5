import { mkdtempSync, readFileSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers.js";

const EXAMPLES = ["passport-directorate", "municipality-north", "health-ministry", "customs-authority"];

describe("report", () => {
  it("prints the gap report of an example as a table, exit 0", () => {
    const { stdout, stderr, code } = cli(["report", "examples/passport-directorate.yaml"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Index:");
    expect(stdout).toContain("Largest gaps");
    expect(stdout).toContain("Roadmap");
    for (const line of stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("gives JSON with schemaVersion, index, class, stage, dimensions, gaps and roadmap that agree with a hand computation", () => {
    const { stdout, code } = cli(["report", "examples/health-ministry.yaml", "--format", "json"]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.schemaVersion).toBe(1);
    // Recompute from the answers in the file: D = Σw·s/Σw, I = mean of D (equal dimension weights).
    const rubricYaml = parseAllDocuments(readFileSync(join(ROOT, "rubrics/egov-maturity.yaml"), "utf8"))[0]!.toJS();
    const file = parseAllDocuments(readFileSync(join(ROOT, "examples/health-ministry.yaml"), "utf8"))[0]!.toJS();
    const dims: Record<string, number> = {};
    for (const d of rubricYaml.dimensions) {
      let num = 0;
      let den = 0;
      for (const c of d.criteria) {
        const raw = file.answers[c.id];
        const a = raw !== null && typeof raw === "object" ? raw.level ?? raw.value ?? (raw.na ? "na" : undefined) : raw;
        if (a === "na") continue;
        let s = 0;
        if (c.type === "boolean") s = a ? 1 : 0;
        else if (c.type === "number") {
          if (c.bands) s = (c.bands.find((b: { min: number }) => a >= b.min) ?? { score: 0 }).score;
          else {
            const lin = Math.min(1, Math.max(0, (a - c.min) / (c.max - c.min)));
            s = c.direction === "lower" ? 1 - lin : lin;
          }
        } else s = a / 4;
        num += (c.weight ?? 1) * s;
        den += c.weight ?? 1;
      }
      dims[d.id] = num / den;
    }
    const index = Object.values(dims).reduce((a, b) => a + b, 0) / Object.keys(dims).length;
    expect(r.index).toBeCloseTo(index, 12);
    for (const d of r.dimensions) {
      expect(d.score).toBeCloseTo(dims[d.id]!, 12);
      expect(d.gap).toBeCloseTo(Math.max(0, d.target - d.score), 12);
      expect(d).toHaveProperty("target");
    }
    expect(r.classification.id).toBe(index >= 0.75 ? "very-high" : index >= 0.5 ? "high" : index >= 0.25 ? "middle" : "low");
    // health ministry: execution meets its threshold but security blocks it
    expect(r.stage.current).toBe("interaction");
    expect(r.stage.next).toBe("execution");
    expect(r.stage.blockedBy.map((g: { dimension: string }) => g.dimension)).toContain("security");
    expect(r.gaps.length).toBeGreaterThan(10);
    for (let i = 1; i < r.gaps.length; i++) expect(r.gaps[i - 1].impact).toBeGreaterThanOrEqual(r.gaps[i].impact);
    expect(r.roadmap[0].reason).toBe("gate");
    expect(r.roadmap[0].dimension).toBe("security");
  });

  it.each(EXAMPLES)("report of %s validates against schemas/report.schema.json", (name) => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));
    const { stdout, code } = cli(["report", `examples/${name}.yaml`, "--format", "json"]);
    expect(code).toBe(0);
    expect(validate(JSON.parse(stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("writes --output atomically and leaves stdout empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-"));
    const out = join(dir, "r.json");
    writeFileSync(out, "previous");
    const { stdout, code } = cli(["report", "examples/passport-directorate.yaml", "--format", "json", "--output", out]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).agency.id).toBe("moi-passports");
  });

  it("keeps the old output file when it cannot write, and says why (exit 2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-"));
    const out = join(dir, "r.json");
    writeFileSync(out, "previous");
    chmodSync(dir, 0o500);
    const { stderr, code } = cli(["report", "examples/passport-directorate.yaml", "--format", "json", "--output", out]);
    chmodSync(dir, 0o700);
    if (process.getuid?.() === 0) return; // root writes anyway
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: /);
    expect(readFileSync(out, "utf8")).toBe("previous");
  });
});

describe("bad input", () => {
  it("reports five mistakes as five lines at their line and column, exit 2, no stack trace", () => {
    const { stdout, stderr, code } = cli(["report", "test/fixtures/errors/five-mistakes.yaml"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.split("\n").filter((l) => /^\S/.test(l));
    const f = "test/fixtures/errors/five-mistakes.yaml";
    expect(lines.map((l) => l.split("  ").slice(0, 3).join("  "))).toEqual([
      `${f}:4:3  error  UNKNOWN_KEY`,
      `${f}:5:7  error  INVALID_VALUE`,
      `${f}:7:34  error  LEVEL_OUT_OF_RANGE`,
      `${f}:8:3  error  UNKNOWN_CRITERION`,
      `${f}:9:34  error  NA_REASON_REQUIRED`,
    ]);
    expect(stderr).toContain("did you mean `name`?");
    expect(stderr).toContain("did you mean `publication.service-catalogue`?");
    expect(stderr).toContain("allowed levels: 0, 1, 2, 3, 4");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [["report", "no-such-file.yaml"], "FILE_NOT_FOUND"],
    [["report", "examples/"], "IS_A_DIRECTORY"],
    [["report", "rubrics/egov-maturity.yaml"], "NOT_AN_ASSESSMENT"],
  ])("%j → exit 2 with %s", (args, errorCode) => {
    const { stderr, code } = cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`  error  ${errorCode}  `);
  });

  it("exits 2 on an unknown option or command", () => {
    expect(cli(["report", "examples/passport-directorate.yaml", "--frmat", "json"]).code).toBe(2);
    expect(cli(["reprot"]).code).toBe(2);
    expect(cli(["report", "examples/passport-directorate.yaml", "--format", "pdf"]).code).toBe(2);
  });

  it("names an unknown rubric with the built-in ones as a hint", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-"));
    writeFileSync(join(dir, "a.yaml"), "rubric: egov-maturty@1\nagency: {id: a}\nanswers: {}\n");
    const { stderr, code } = cli(["report", join(dir, "a.yaml")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/a\.yaml:1:9  error  RUBRIC_NOT_FOUND/);
    expect(stderr).toContain("built-in rubrics: egov-maturity");
  });
});

describe("validate, init, schema, rubric", () => {
  it("validates the examples and the built-in rubrics", () => {
    const { stdout, code } = cli(["validate", ...EXAMPLES.map((n) => `examples/${n}.yaml`), "rubrics/"]);
    expect(code).toBe(0);
    for (const name of EXAMPLES) expect(stdout).toContain(`ok  examples/${name}.yaml  1 assessment`);
    expect(stdout).toContain("ok  rubrics/egov-maturity.yaml  rubric");
  });

  it("validates a whole folder: policies and CSV mappings by their keys; other YAML met in a folder is skipped, named it is an error", () => {
    const { stdout, code } = cli(["validate", "examples/", "rubrics/"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ok  examples/ci/policy.yaml  policy");
    expect(stdout).toContain("ok  examples/composite/un-egdi-2022.mapping.yaml  mapping");
    expect(stdout).toContain("--  examples/ci/gitlab-ci.yml  skipped");
    const named = cli(["validate", "examples/ci/gitlab-ci.yml"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("examples/ci/gitlab-ci.yml:1:1  error  UNKNOWN_CONTENT");
  });

  it("init writes a template that validates, every criterion in it, and refuses to overwrite", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-"));
    const out = join(dir, "moh.yaml");
    const first = cli(["init", "--output", out, "--date", "2026-11-21", "--lang", "ar"]);
    expect(first.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain('id: "moh"');
    expect(text).toContain("مرحلة الإعلان");
    expect((text.match(/^ {2}[a-z]+\.[a-z0-9-]+:$/gm) ?? []).length).toBe(64);
    expect(cli(["validate", out]).code).toBe(0);
    const report = JSON.parse(cli(["report", out, "--format", "json"]).stdout);
    expect(report.unanswered).toHaveLength(64);
    expect(report.index).toBe(0);
    const again = cli(["init", "--output", out]);
    expect(again.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe(text);
  });

  it("the assessment schema of a rubric enumerates its criteria and accepts every example", () => {
    const { stdout, code } = cli(["schema", "assessment", "--rubric", "egov-maturity"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(Object.keys(schema.properties.answers.properties)).toHaveLength(64);
    const ajv = new Ajv2020.default({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const name of EXAMPLES) {
      const doc = parseAllDocuments(readFileSync(join(ROOT, `examples/${name}.yaml`), "utf8"))[0]!.toJS();
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ agency: { id: "x" }, answers: { "publication.service-catalogue": 9 } })).toBe(false);
    expect(validate({ agency: { id: "x" }, answers: { "publication.no-such": 1 } })).toBe(false);
  });

  it("the committed schemas are the ones the code generates", () => {
    for (const [file, args] of [
      ["rubric.schema.json", ["schema", "rubric"]],
      ["assessment.schema.json", ["schema", "assessment"]],
      ["egov-maturity.assessment.schema.json", ["schema", "assessment", "--rubric", "egov-maturity"]],
      ["report.schema.json", ["schema", "report"]],
      ["rubric-list.schema.json", ["schema", "rubric", "--list"]],
    ] as const) {
      expect(cli([...args]).stdout, `${file} is stale: run npm run schemas`).toBe(readFileSync(join(ROOT, "schemas", file), "utf8"));
    }
  });

  it("lists and shows the built-in rubrics", () => {
    const list = cli(["rubric", "list", "--format", "json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).schemaVersion).toBe(1);
    expect(JSON.parse(list.stdout).rubrics.map((r: { id: string }) => r.id)).toEqual(["egov-maturity", "un-egdi", "wb-gtmi"]);
    const show = JSON.parse(cli(["rubric", "show", "egov-maturity", "--format", "json"]).stdout);
    expect(show.dimensions.map((d: { id: string }) => d.id)).toEqual(["publication", "interaction", "execution", "delivery", "strategy", "infrastructure", "security", "training", "outcomes"]);
    const table = cli(["rubric", "show", "egov-maturity", "--lang", "ar"]);
    expect(table.stdout).toContain("مرحلة التنفيذ");
  });

  it("prints the version fast-path and help with examples on every command", () => {
    expect(cli(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    for (const command of ["report", "validate", "init", "schema", "rubric show", "rubric list"]) {
      const { stdout, code } = cli([...command.split(" "), "--help"]);
      expect(code).toBe(0);
      if (command !== "rubric") expect(stdout, command).toContain("Examples:");
    }
  });
});

describe("the built-in rubrics", () => {
  it("exist as cached JSON after the build", () => {
    expect(existsSync(join(ROOT, "dist/rubric-cache/egov-maturity.json"))).toBe(true);
  });
});
